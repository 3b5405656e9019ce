package ru.promtour.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import ru.promtour.web.gateway.SessionEndedException;

/**
 * When the gateway no longer accepts the person's session token, the browser's session ends too and the person is
 * sent to sign in again (an htmx request is told through {@code HX-Redirect}, which htmx follows as a full page).
 */
@ControllerAdvice
public class SessionEndedHandler {

    @ExceptionHandler(SessionEndedException.class)
    public String sessionEnded(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        String target = SecurityConfiguration.LOGIN + "?expired";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "redirect:" + target;
    }
}
