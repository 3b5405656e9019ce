package ru.promtour.web.console;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The enterprise's programs: list, create and edit (the catalog's {@code /api/v1/excursions}), publish and withdraw,
 * and their slots: one at a time or a weekly schedule.
 */
@Controller
@RequestMapping("/console/programs")
public class ProgramController {

    /** How far ahead a program's page lists its slots. */
    static final int SLOT_DAYS = 60;
    private static final int PAGE_SIZE = 20;

    private final ConsoleApi api;
    private final GatewayClient gateway;
    private final ConsoleActions actions;
    private final ConsoleFormat format;

    public ProgramController(ConsoleApi api, ConsoleActions actions, ConsoleFormat format) {
        this.api = api;
        this.gateway = api.gateway();
        this.actions = actions;
        this.format = format;
    }

    @GetMapping
    public String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> result = api.programs(Math.max(0, page), PAGE_SIZE);
        model.addAttribute("programs", ConsoleApi.items(result));
        model.addAttribute("page", Math.max(0, page));
        long total = result.get("total") instanceof Number n ? n.longValue() : 0;
        model.addAttribute("hasNext", (long) (Math.max(0, page) + 1) * PAGE_SIZE < total);
        return "console/programs";
    }

    @GetMapping("/new")
    public String create(Model model) {
        model.addAttribute("form", new ProgramForm());
        return "console/program-form";
    }

    @PostMapping
    public String create(@ModelAttribute("form") ProgramForm form, BindingResult binding, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> body = form.toRequest(Map.of(), binding);
        if (binding.hasErrors()) {
            return formAgain(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        try {
            Map<String, Object> created = gateway.post(path("/api/v1/excursions"), body);
            redirect.addFlashAttribute("notice", text("program.created"));
            return "redirect:/console/programs/" + ConsoleApi.checkedId(String.valueOf(created.get("id")));
        }
        catch (ApiException ex) {
            return refused(ex, binding, model, response);
        }
    }

    @GetMapping("/{id}/edit")
    public String edit(@PathVariable String id, Model model) {
        Map<String, Object> program = api.program(id);
        model.addAttribute("form", ProgramForm.of(program));
        model.addAttribute("programId", program.get("id"));
        return "console/program-form";
    }

    @PostMapping({"/{id}", "/{id}/edit"})
    public String update(@PathVariable String id, @ModelAttribute("form") ProgramForm form, BindingResult binding,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> current = api.program(id);
        model.addAttribute("programId", id);
        Map<String, Object> body = form.toRequest(current, binding);
        if (binding.hasErrors()) {
            return formAgain(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        try {
            gateway.put(path("/api/v1/excursions/{id}", id), body);
            redirect.addFlashAttribute("notice", text("program.saved"));
            return "redirect:/console/programs/" + id;
        }
        catch (ApiException ex) {
            if (ex.isNotFound()) {
                throw ex;
            }
            return refused(ex, binding, model, response);
        }
    }

    @GetMapping("/{id}")
    public String show(@PathVariable String id, Model model) {
        Map<String, Object> program = api.program(id);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("program", program);
        model.addAttribute("slots", api.slots(id, today, today.plusDays(SLOT_DAYS)));
        model.addAttribute("today", today);
        model.addAttribute("slotDays", SLOT_DAYS);
        model.addAttribute("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        return "console/program";
    }

    @PostMapping("/{id}/publish")
    public String publish(@PathVariable String id, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        return statusChange(id, "publish", "program.published", model, redirect, response);
    }

    @PostMapping("/{id}/unpublish")
    public String unpublish(@PathVariable String id, Model model, RedirectAttributes redirect,
                            HttpServletResponse response) {
        return statusChange(id, "unpublish", "program.unpublished", model, redirect, response);
    }

    /** Publish or withdraw; a 422 names every missing part, which the program page lists. */
    private String statusChange(String id, String action, String notice, Model model, RedirectAttributes redirect,
                                HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        return actions.attempt(() -> gateway.post(path("/api/v1/excursions/{id}/" + action, id), Map.of()),
            answer -> text(notice), redirect, "/console/programs/" + id, refusal -> {
                List<String> missing = new ArrayList<>();
                refusal.cause().fieldErrors().forEach((field, message) -> missing.add(label(field) + ": " + message));
                model.addAttribute("missing", missing);
                return programAgain(id, refusal.cause().getMessage(), refusal.status(), model, response);
            });
    }

    /** One slot: the local date and time of the enterprise, sent as {@code localStart} {@code YYYY-MM-DDTHH:mm}. */
    @PostMapping("/{id}/slots")
    public String addSlot(@PathVariable String id, @RequestParam(defaultValue = "") String date,
                          @RequestParam(defaultValue = "") String time, @RequestParam(defaultValue = "") String capacity,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        LocalDate day;
        LocalTime at;
        try {
            day = LocalDate.parse(date.strip());
            at = LocalTime.parse(time.strip()).withSecond(0).withNano(0);
        }
        catch (DateTimeParseException ex) {
            return programAgain(id, actions.badInput("slot.error.dateTime"), model, response);
        }
        Integer seats = number(capacity);
        if (seats == null) {
            return programAgain(id, actions.badInput("slot.error.capacity"), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("localStart", day + "T" + at);
        body.put("capacity", seats);
        return actions.attempt(() -> gateway.post(path("/api/v1/excursions/{id}/slots", id), body),
            created -> text("slot.added", format.local(created.get("start"))), redirect, "/console/programs/" + id,
            refusal -> programAgain(id, refusal, model, response));
    }

    /** A weekly pattern: the catalog creates a slot per matching start and skips the starts that exist. */
    @PostMapping("/{id}/schedules")
    public String addSchedule(@PathVariable String id, @RequestParam(required = false) List<String> daysOfWeek,
                              @RequestParam(defaultValue = "") String times, @RequestParam(defaultValue = "") String from,
                              @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String capacity,
                              Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        List<String> startTimes = new ArrayList<>();
        try {
            for (String each : times.split("[,;\\s]+")) {
                if (!each.isBlank()) {
                    startTimes.add(LocalTime.parse(each.strip()).toString());
                }
            }
            LocalDate.parse(from.strip());
            LocalDate.parse(to.strip());
        }
        catch (DateTimeParseException ex) {
            return programAgain(id, actions.badInput("schedule.error.input"), model, response);
        }
        Integer seats = number(capacity);
        if (daysOfWeek == null || daysOfWeek.isEmpty() || startTimes.isEmpty() || seats == null) {
            return programAgain(id, actions.badInput("schedule.error.input"), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("daysOfWeek", daysOfWeek);
        body.put("times", startTimes);
        body.put("from", from.strip());
        body.put("to", to.strip());
        body.put("capacity", seats);
        return actions.attempt(() -> gateway.post(path("/api/v1/excursions/{id}/schedules", id), body),
            result -> text("schedule.added", result.get("created"), result.get("skipped")), redirect,
            "/console/programs/" + id, refusal -> programAgain(id, refusal, model, response));
    }

    /** The program page again, with why the request was refused and the refusal's status. */
    private String programAgain(String id, ConsoleActions.Refusal refusal, Model model, HttpServletResponse response) {
        refusal.show(model, response);
        return show(id, model);
    }

    private String programAgain(String id, String message, int status, Model model, HttpServletResponse response) {
        return programAgain(id, new ConsoleActions.Refusal(status, message, null), model, response);
    }

    /** The form again with the API's refusal: each named field next to its input, the rest above the form. */
    private String refused(ApiException ex, BindingResult binding, Model model, HttpServletResponse response) {
        List<String> unplaced = new ArrayList<>();
        ex.fieldErrors().forEach((field, message) -> {
            String formField = ProgramForm.formField(field);
            if (formField != null && !binding.hasFieldErrors(formField)) {
                binding.rejectValue(formField, "api", message);
            }
            else if (formField == null) {
                unplaced.add(label(field) + ": " + message);
            }
        });
        model.addAttribute("apiError", ex.getMessage());
        model.addAttribute("missing", unplaced);
        return formAgain(response, ex.formStatus());
    }

    /** The form shown again with what was wrong, answered with the refusal's status (a form re-shown is not a 200). */
    private static String formAgain(HttpServletResponse response, int status) {
        response.setStatus(status);
        return "console/program-form";
    }

    /** What the form calls an API field ("Место сбора" for {@code meetingPoint}); the API's name when it has none. */
    private String label(String apiField) {
        if (apiField.equals("units") || apiField.startsWith("units[")) {
            return text("program.units");
        }
        String formField = ProgramForm.formField(apiField);
        return formField == null ? apiField : text("program." + formField);
    }

    static Integer number(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? value : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private String text(String key, Object... arguments) {
        return actions.text(key, arguments);
    }
}
