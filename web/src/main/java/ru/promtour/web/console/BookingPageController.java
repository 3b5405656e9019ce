package ru.promtour.web.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
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

    /** {@code back} of a decision taken on the group's own page. */
    private static final String BOOKING = "booking";

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
    public String approve(@PathVariable String id, @RequestParam(required = false) String back, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        return decide(id, back, model, redirect, response, "approval.approved",
            () -> gateway.post(path("/api/v1/bookings/{id}/approve", id), Map.of()));
    }

    @PostMapping("/console/bookings/{id}/decline")
    public String decline(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
                          @RequestParam(required = false) String back, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        if (reason.strip().length() > 500) {
            return pageAgain(id, back, actions.badInput("approval.error.reason"), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return decide(id, back, model, redirect, response, "approval.declined",
            () -> gateway.post(path("/api/v1/bookings/{id}/decline", id), body));
    }

    @PostMapping("/console/bookings/{id}/no-show")
    public String noShow(@PathVariable String id, @RequestParam(defaultValue = "") String cause,
                         @RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        ConsoleApi.checkedId(id);
        if (!NO_SHOW_CAUSES.contains(cause) || note.length() > 500) {
            return pageAgain(id, BOOKING, actions.badInput("noShow.error.input"), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cause", cause);
        if (!note.isBlank()) {
            body.put("note", note.strip());
        }
        return decide(id, BOOKING, model, redirect, response, "noShow.marked",
            () -> gateway.post(path("/api/v1/bookings/{id}/no-show", id), body));
    }

    /**
     * A decision on a group: done, back where it was taken (the group's page, or the approvals list; never an address
     * from outside) with a notice; refused, that page again with the API's sentence and status.
     */
    private String decide(String id, String back, Model model, RedirectAttributes redirect,
                          HttpServletResponse response, String done, Supplier<Map<String, Object>> call) {
        String target = BOOKING.equals(back) ? "/console/bookings/" + id : "/console/approvals";
        return actions.attempt(call, answer -> text(done), redirect, target,
            refusal -> pageAgain(id, back, refusal, model, response));
    }

    private String pageAgain(String id, String back, ConsoleActions.Refusal refusal, Model model,
                             HttpServletResponse response) {
        refusal.show(model, response);
        return BOOKING.equals(back) ? booking(id, model) : approvals(model);
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
