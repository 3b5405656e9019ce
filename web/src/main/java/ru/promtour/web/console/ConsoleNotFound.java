package ru.promtour.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import ru.promtour.web.gateway.ApiException;

/**
 * In the console, an API's 404 is a friendly "not here" page: an unknown id and another enterprise's look the same,
 * so the page says neither. Every other refusal goes on to the shared error page.
 */
@ControllerAdvice(basePackageClasses = ConsoleNotFound.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleNotFound {

    @ExceptionHandler(ApiException.class)
    public String refused(ApiException ex, HttpServletResponse response, Model model) {
        response.setStatus(ex.pageStatus());
        model.addAttribute("status", ex.status());
        model.addAttribute("apiError", ex.getMessage());
        return ex.isNotFound() ? "console/not-found" : "error";
    }
}
