package ru.promtour.web.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The groups on the enterprise's slots: the ones awaiting its decision (approve or decline), all of them by status,
 * and one group with the messages the platform sent about it and the no-show mark after the visit.
 */
@Controller
public class BookingPageController {

    /** The booking service's states, for the status filter. */
    static final List<String> STATUSES = List.of("PENDING", "ON_HOLD", "CONFIRMED", "CANCELLED", "EXPIRED", "REJECTED",
        "WAITLISTED");

    /** Why a group did not come, as the booking service names it. */
    static final List<String> NO_SHOW_CAUSES = List.of("NOT_ARRIVED", "LATE", "REFUSED_ADMISSION", "OTHER");

    private final ConsoleApi api;
    private final GatewayClient gateway;
    private final ConsoleActions actions;

    public BookingPageController(ConsoleApi api, ConsoleActions actions) {
        this.api = api;
        this.gateway = api.gateway();
        this.actions = actions;
    }

    @GetMapping("/console/approvals")
    public String approvals(Model model) {
        model.addAttribute("bookings", api.awaitingApproval());
        model.addAttribute("titles", titles());
        return "console/approvals";
    }

    @GetMapping("/console/bookings")
    public String bookings(@RequestParam(required = false) String status, Model model) {
        String filter = status == null || status.isBlank() ? null : status.strip();
        if (filter != null && !STATUSES.contains(filter)) {
            model.addAttribute("apiError", text("bookings.error.status", String.join(", ", STATUSES)));
            filter = null;
        }
        model.addAttribute("bookings", api.bookings(filter, null));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("titles", titles());
        return "console/bookings";
    }

    @GetMapping("/console/bookings/{id}")
    public String booking(@PathVariable String id, Model model) {
        Map<String, Object> booking = api.booking(id);
        model.addAttribute("booking", booking);
        model.addAttribute("notifications", api.notifications(id));
        model.addAttribute("title", titles().get(String.valueOf(booking.get("productId"))));
        model.addAttribute("causes", NO_SHOW_CAUSES);
        return "console/booking";
    }

    @PostMapping("/console/bookings/{id}/approve")
    public String approve(@PathVariable String id, @RequestParam(required = false) String back,
                          RedirectAttributes redirect) {
        ConsoleApi.checkedId(id);
        return decide(id, back, redirect, "approval.approved",
            () -> gateway.post(path("/api/v1/bookings/{id}/approve", id), Map.of()));
    }

    @PostMapping("/console/bookings/{id}/decline")
    public String decline(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
                          @RequestParam(required = false) String back, RedirectAttributes redirect) {
        ConsoleApi.checkedId(id);
        if (reason.strip().length() > 500) {
            redirect.addFlashAttribute("apiError", text("approval.error.reason"));
            return target(id, back);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return decide(id, back, redirect, "approval.declined",
            () -> gateway.post(path("/api/v1/bookings/{id}/decline", id), body));
    }

    @PostMapping("/console/bookings/{id}/no-show")
    public String noShow(@PathVariable String id, @RequestParam(defaultValue = "") String cause,
                         @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleApi.checkedId(id);
        if (!NO_SHOW_CAUSES.contains(cause) || note.length() > 500) {
            redirect.addFlashAttribute("apiError", text("noShow.error.input"));
            return "redirect:/console/bookings/" + id;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cause", cause);
        if (!note.isBlank()) {
            body.put("note", note.strip());
        }
        return decide(id, "booking", redirect, "noShow.marked",
            () -> gateway.post(path("/api/v1/bookings/{id}/no-show", id), body));
    }

    private String decide(String id, String back, RedirectAttributes redirect, String done,
                          Supplier<Map<String, Object>> call) {
        actions.attempt(redirect, call, answer -> text(done));
        return target(id, back);
    }

    /** Back where the decision was taken: the booking's page, or the approvals list (never an address from outside). */
    private static String target(String id, String back) {
        return "booking".equals(back) ? "redirect:/console/bookings/" + id : "redirect:/console/approvals";
    }

    /** Program titles by id, for the lists (bookings name only their program's id). */
    private Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        api.programsById().forEach((programId, program) -> titles.put(programId, String.valueOf(program.get("title"))));
        return titles;
    }

    private String text(String key, Object... arguments) {
        return actions.text(key, arguments);
    }
}
