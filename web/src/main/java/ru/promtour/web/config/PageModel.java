package ru.promtour.web.config;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import ru.promtour.web.security.ConsoleUser;

/** What every page's header needs: the signed-in person (or null), the language and the link to the other one. */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("me")
    public ConsoleUser me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user ? user : null;
    }

    @ModelAttribute("lang")
    public String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "ru";
    }

    /** This page in the other language: the same path and query, {@code lang} replaced. */
    @ModelAttribute("otherLanguageUrl")
    public String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "ru" : "en";
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
            .replaceQueryParam("lang", other).build().toUriString();
    }
}
