package ru.promtour.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import ru.promtour.web.gateway.ApiException;

/**
 * Shows a refused form again: the API's sentence above the form, each field's reason next to its field, and the
 * API's 4xx as the page's status (a refused form is not a success, for browsers and tests alike).
 */
final class Refusals {

    private Refusals() {
    }

    /** The API refused: its message and field errors, API field names turned into the form's by {@code rename}. */
    static void show(ApiException ex, Model model, HttpServletResponse response, Map<String, String> rename) {
        Map<String, String> fields = new LinkedHashMap<>();
        ex.fieldErrors().forEach((field, message) -> fields.putIfAbsent(rename.getOrDefault(field, field), message));
        show(ex.getMessage(), fields, ex.formStatus(), model, response);
    }

    /** This module refused before asking the API (a field it can check itself): 400. */
    static void show(String message, Map<String, String> fields, Model model, HttpServletResponse response) {
        show(message, fields, HttpServletResponse.SC_BAD_REQUEST, model, response);
    }

    private static void show(String message, Map<String, String> fields, int status, Model model,
                             HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("apiError", message);
        model.addAttribute("fieldErrors", fields);
    }
}
