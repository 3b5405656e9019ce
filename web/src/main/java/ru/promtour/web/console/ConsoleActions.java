package ru.promtour.web.console;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.ApiException;

/**
 * What every console button does with the API's answer before redirecting (Post/Redirect/Get): a notice in the
 * person's language when it worked, the API's own sentence (with the fields it named) when it refused, and the
 * not-found page when the thing is not the enterprise's.
 */
@Component
public class ConsoleActions {

    private final MessageSource messages;

    public ConsoleActions(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Runs a change: when it works, its answer becomes a flash {@code notice} and the browser goes to {@code target}
     * (Post/Redirect/Get); when the API refuses it (other than 404), {@code again} shows the page once more with the
     * refusal, answered with the refusal's status.
     */
    public String attempt(Supplier<Map<String, Object>> call, Function<Map<String, Object>, String> notice,
                          RedirectAttributes redirect, String target, Function<Refusal, String> again) {
        try {
            Map<String, Object> answer = call.get();
            // an empty 200 or 202 is still a success; the notice reads what there is
            redirect.addFlashAttribute("notice", notice.apply(answer == null ? Map.of() : answer));
            return "redirect:" + target;
        }
        catch (ApiException ex) {
            if (ex.isNotFound()) {
                throw ex;
            }
            return again.apply(new Refusal(ex.pageStatus(), sentence(ex), ex));
        }
    }

    /** What this module refuses itself (a date that is no date): status 400 and the sentence. */
    public Refusal badInput(String key, Object... arguments) {
        return new Refusal(HttpServletResponse.SC_BAD_REQUEST, text(key, arguments), null);
    }

    /**
     * A request refused, to be shown on the page it came from.
     *
     * @param status  the answer's status (400 for this module's own checks, the API's otherwise)
     * @param message the sentence to show
     * @param cause   the API's refusal, with the fields it named; null for this module's own checks
     */
    public record Refusal(int status, String message, ApiException cause) {

        /** The page shows the sentence ({@code apiError}) and answers with the status. */
        public void show(Model model, HttpServletResponse response) {
            model.addAttribute("apiError", message);
            response.setStatus(status);
        }
    }

    /** A console message in the current language. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The API's sentence followed by the fields it named: "Invalid input; capacity: must be at least 1". */
    static String sentence(ApiException ex) {
        StringBuilder text = new StringBuilder(ex.getMessage());
        ex.fieldErrors().forEach((field, message) -> text.append("; ").append(field).append(": ").append(message));
        return text.toString();
    }
}
