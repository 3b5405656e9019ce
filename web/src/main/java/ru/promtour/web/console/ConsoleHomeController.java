package ru.promtour.web.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.security.ConsoleUser;

/**
 * The console's front page: the regional office goes to its own pages, staff to their enterprise's overview (the
 * next seven days of slots with their seats, the groups awaiting a decision, the number of programs).
 */
@Controller
public class ConsoleHomeController {

    /** How far the overview looks ahead. */
    static final int OVERVIEW_DAYS = 7;

    private final ConsoleApi api;

    public ConsoleHomeController(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping("/console")
    public String home(@AuthenticationPrincipal ConsoleUser me, Model model) {
        if (me.isAdmin()) {
            return "redirect:/console/admin";
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("programCount", 0L);
        model.addAttribute("slots", List.of());
        model.addAttribute("awaiting", 0);
        // the landing page after sign-in: a service that does not answer leaves a sentence, not an error page
        try {
            Map<String, Object> programs = api.programs(0, ConsoleApi.MAX_PROGRAMS);
            model.addAttribute("programCount", programs.get("total") instanceof Number n ? n.longValue() : 0L);
            model.addAttribute("slots", api.allSlots(ConsoleApi.items(programs), today, today.plusDays(OVERVIEW_DAYS - 1)));
            model.addAttribute("awaiting", api.awaitingApproval().size());
        }
        catch (ApiException ex) {
            model.addAttribute("apiError", ex.getMessage());
        }
        return "console/home";
    }
}
