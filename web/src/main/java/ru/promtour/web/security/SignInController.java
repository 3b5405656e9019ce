package ru.promtour.web.security;

import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.promtour.web.config.WebProperties;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The sign-in page (Spring Security processes its POST) and the invitation page, where an invited staff member sets
 * the password ({@code POST /auth/invites/accept} at the gateway).
 */
@Controller
public class SignInController {

    private final GatewayClient gateway;
    private final WebProperties properties;

    public SignInController(GatewayClient gateway, WebProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @GetMapping("/")
    public String root() {
        return "redirect:/guide";
    }

    @GetMapping(SecurityConfiguration.LOGIN)
    public String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException ex) {
            // the two answers people must understand in their language; anything else as the gateway said it
            if (ex instanceof LockedException) {
                model.addAttribute("errorKey", "signin.locked");
            }
            else if (ex instanceof BadCredentialsException) {
                model.addAttribute("errorKey", "signin.bad");
            }
            else {
                model.addAttribute("error", ex.getMessage());
            }
        }
        model.addAttribute("demoLogin", properties.demoLogin());
        return "console/login";
    }

    @GetMapping("/console/invite")
    public String invite(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "console/invite";
    }

    @PostMapping("/console/invite")
    public String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String confirmation, Model model) {
        model.addAttribute("token", token);
        if (!password.equals(confirmation)) {
            model.addAttribute("error", "invite.mismatch");
            return "console/invite";
        }
        try {
            gateway.post(path("/auth/invites/accept"), Map.of("token", token, "password", password));
            return "redirect:" + SecurityConfiguration.LOGIN + "?activated";
        }
        catch (ApiException ex) {
            model.addAttribute("apiError", ex.fieldErrors().getOrDefault("password", ex.getMessage()));
            return "console/invite";
        }
    }
}
