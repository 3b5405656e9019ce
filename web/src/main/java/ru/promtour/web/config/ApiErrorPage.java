package ru.promtour.web.config;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import ru.promtour.web.gateway.ApiException;

/**
 * An API refusal a page did not handle itself becomes a readable error page with the API's own sentence and the
 * same status (a 404 of the API is the page's 404), never a stack trace or raw JSON.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiErrorPage {

    @ExceptionHandler(ApiException.class)
    public String refused(ApiException ex, HttpServletResponse response, Model model) {
        response.setStatus(ex.pageStatus());
        model.addAttribute("apiError", ex.getMessage());
        model.addAttribute("status", ex.status());
        return "error";
    }
}
