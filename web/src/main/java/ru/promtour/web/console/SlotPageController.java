package ru.promtour.web.console;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The enterprise's slots: a two-week calendar over all its programs, and one slot with its seats, its groups, its
 * manifest and the changes the seat ledger decides (capacity, close, reopen, cancel). A cancellation shows what it
 * will cancel before it is sent.
 */
@Controller
@RequestMapping("/console/slots")
public class SlotPageController {

    /** The calendar's page: two weeks. */
    static final int CALENDAR_DAYS = 14;

    /** Bookings a cancelled slot takes with it: holding seats, sold, or awaiting the enterprise's decision. */
    static final Set<String> AFFECTED = Set.of("ON_HOLD", "CONFIRMED", "PENDING");

    private final ConsoleApi api;
    private final GatewayClient gateway;
    private final ConsoleActions actions;

    public SlotPageController(ConsoleApi api, ConsoleActions actions) {
        this.api = api;
        this.gateway = api.gateway();
        this.actions = actions;
    }

    @GetMapping
    public String calendar(@RequestParam(required = false) String from, Model model) {
        LocalDate start = LocalDate.now(ZoneOffset.UTC);
        if (from != null && !from.isBlank()) {
            try {
                start = LocalDate.parse(from.strip());
            }
            catch (DateTimeParseException ex) {
                model.addAttribute("apiError", text("slots.error.from"));
            }
        }
        LocalDate end = start.plusDays(CALENDAR_DAYS - 1);
        Map<LocalDate, List<Map<String, Object>>> days = new LinkedHashMap<>();
        for (Map<String, Object> slot : api.allSlots(api.programsById().values(), start, end)) {
            var local = ConsoleFormat.offset(slot.get("start"));
            LocalDate day = local == null ? start : local.toLocalDate();
            days.computeIfAbsent(day, d -> new ArrayList<>()).add(slot);
        }
        model.addAttribute("days", days);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("previous", start.minusDays(CALENDAR_DAYS));
        model.addAttribute("next", start.plusDays(CALENDAR_DAYS));
        return "console/slots";
    }

    @GetMapping("/{id}")
    public String show(@PathVariable String id, Model model) {
        Map<String, Object> slot = api.slot(id);
        model.addAttribute("slot", slot);
        model.addAttribute("program", programOf(slot));
        model.addAttribute("bookings", api.bookings(null, id));
        return "console/slot";
    }

    @PostMapping("/{id}/capacity")
    public String capacity(@PathVariable String id, @RequestParam(defaultValue = "") String capacity, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        Integer seats = parseCapacity(capacity);
        if (seats == null) {
            return slotAgain(id, actions.badInput("slot.error.capacity"), model, response);
        }
        return change(id, model, redirect, response, "slot.capacityChanged",
            () -> gateway.patch(path("/api/v1/slots/{id}", id), Map.of("capacity", seats)), seats);
    }

    @PostMapping("/{id}/close")
    public String close(@PathVariable String id, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        return change(id, model, redirect, response, "slot.closed", () -> gateway.post(path("/api/v1/slots/{id}/close", id), Map.of()));
    }

    @PostMapping("/{id}/reopen")
    public String reopen(@PathVariable String id, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        return change(id, model, redirect, response, "slot.reopened", () -> gateway.post(path("/api/v1/slots/{id}/reopen", id), Map.of()));
    }

    /** The consequences first: how many groups and visitors a cancellation takes with it, and they are told. */
    @GetMapping("/{id}/cancel")
    public String cancelWarning(@PathVariable String id, Model model) {
        Map<String, Object> slot = api.slot(id);
        List<Map<String, Object>> affected = api.bookings(null, id).stream()
            .filter(booking -> AFFECTED.contains(String.valueOf(booking.get("status")))).toList();
        int visitors = affected.stream().mapToInt(booking -> booking.get("units") instanceof Number n ? n.intValue() : 0).sum();
        model.addAttribute("slot", slot);
        model.addAttribute("program", programOf(slot));
        model.addAttribute("affected", affected);
        model.addAttribute("groups", affected.size());
        model.addAttribute("visitors", visitors);
        return "console/slot-cancel";
    }

    @PostMapping("/{id}/cancel")
    public String cancel(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            model.addAttribute("reasonError", text("cancel.error.reason"));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return cancelWarning(id, model);
        }
        return change(id, model, redirect, response, "slot.cancelled",
            () -> gateway.post(path("/api/v1/slots/{id}/cancel", id), Map.of("reason", why)));
    }

    @GetMapping("/{id}/manifest")
    public String manifest(@PathVariable String id, Model model) {
        ConsoleApi.checkedId(id);
        model.addAttribute("slot", api.slot(id));
        model.addAttribute("manifest", gateway.get(path("/api/v1/manifests/{id}", id)));
        return "console/manifest";
    }

    /** The booking service's CSV as it is (bytes unchanged), named after the slot, never cached: personal data. */
    @GetMapping("/{id}/manifest.csv")
    public ResponseEntity<byte[]> manifestCsv(@PathVariable String id) {
        ConsoleApi.checkedId(id);
        byte[] csv = gateway.getBytes(uri -> uri.path("/api/v1/manifests/{id}").queryParam("format", "csv").build(id));
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("manifest-" + id + ".csv").build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(csv);
    }

    /**
     * A change the seat ledger decides: 200 applied (the notice), 202 still pending (said so), a refusal (409 with
     * the held and sold seats, a cancelled slot) as the API's sentence on the slot page, with its status.
     */
    private String change(String id, Model model, RedirectAttributes redirect, HttpServletResponse response, String done,
                          Supplier<Map<String, Object>> call, Object... arguments) {
        return actions.attempt(call, answer -> {
            boolean pending = "PENDING".equals(answer.get("status")) && answer.containsKey("requestId");
            return text(pending ? done + ".pending" : done, arguments);
        }, redirect, "/console/slots/" + id, refusal -> slotAgain(id, refusal, model, response));
    }

    /** The slot page again, with why the request was refused and the refusal's status. */
    private String slotAgain(String id, ConsoleActions.Refusal refusal, Model model, HttpServletResponse response) {
        refusal.show(model, response);
        return show(id, model);
    }

    private Map<String, Object> programOf(Map<String, Object> slot) {
        try {
            return api.program(String.valueOf(slot.get("excursionId")));
        }
        catch (ApiException ex) {
            if (ex.isNotFound()) {
                return Map.of();
            }
            throw ex;
        }
    }

    private static Integer parseCapacity(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 0 && value <= 10_000 ? value : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private String text(String key, Object... arguments) {
        return actions.text(key, arguments);
    }
}
