package ru.promtour.web.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.promtour.web.security.ConsoleUser;

/** The console's front page: the regional office goes to its own pages, staff to their enterprise's overview. */
@Controller
public class ConsoleHomeController {

    @GetMapping("/console")
    public String home(@AuthenticationPrincipal ConsoleUser me) {
        return me.isAdmin() ? "redirect:/console/admin" : "console/home";
    }
}
