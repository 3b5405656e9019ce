package ru.promtour.web.console;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
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

    /** The call's answer turned into a flash {@code notice}; a refusal other than 404 into a flash {@code apiError}. */
    public void attempt(RedirectAttributes redirect, Supplier<Map<String, Object>> call,
                        Function<Map<String, Object>, String> notice) {
        try {
            Map<String, Object> answer = call.get();
            // an empty 200 or 202 is still a success; the notice reads what there is
            redirect.addFlashAttribute("notice", notice.apply(answer == null ? Map.of() : answer));
        }
        catch (ApiException ex) {
            if (ex.isNotFound()) {
                throw ex;
            }
            redirect.addFlashAttribute("apiError", sentence(ex));
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
