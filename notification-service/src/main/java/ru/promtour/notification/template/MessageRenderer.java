package ru.promtour.notification.template;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import ru.promtour.notification.event.Visit;

/**
 * Renders messages with Thymeleaf from {@code templates/email/<kind>.html|.txt} and
 * {@code templates/sms/<kind>.txt}, texts from {@code messages_ru/en.properties}. Its own engine and
 * message source, so the web side of the application (which has no views) is not affected.
 */
@Component
public class MessageRenderer {

    /** Russian unless the contact's locale asks for English. */
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public MessageRenderer() {
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** {@code en} when the locale starts with "en", else Russian. */
    public static Locale localeOf(String contactLocale) {
        return contactLocale != null && contactLocale.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : RUSSIAN;
    }

    /** Subject, plain text and HTML of an email. */
    public Rendered email(Template template, Locale locale, Visit visit, String recipientName, Map<String, Object> details) {
        Context context = context(template, locale, visit, recipientName, details);
        VisitView v = (VisitView) context.getVariable("v");
        RoutePlan.View r = (RoutePlan.View) context.getVariable("r");
        // {3} and {4}, the route's title and date, only in a route's subject
        Object[] arguments = r == null ? new Object[] {v.reference(), v.title(), v.enterprise()}
                : new Object[] {v.reference(), v.title(), v.enterprise(), r.title(), r.date()};
        String subject = messages.getMessage(template.fileName() + ".subject", arguments, locale);
        context.setVariable("subject", subject);
        String name = "email/" + template.fileName();
        return new Rendered(subject, tidy(engine.process(name + ".txt", context)), engine.process(name + ".html", context));
    }

    /** The SMS text. */
    public Rendered sms(Template template, Locale locale, Visit visit, String recipientName, Map<String, Object> details) {
        if (!template.hasSms()) {
            throw new IllegalArgumentException(template + " has no SMS text");
        }
        Context context = context(template, locale, visit, recipientName, details);
        return Rendered.sms(engine.process("sms/" + template.fileName() + ".txt", context).strip());
    }

    /** The messages the templates use, for callers that format details (dates, zone names). */
    public MessageSource messages() {
        return messages;
    }

    private Context context(Template template, Locale locale, Visit visit, String recipientName, Map<String, Object> details) {
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("kind", template.fileName());
        context.setVariable("recipientName", recipientName);
        context.setVariable("v", VisitView.of(visit, locale, messages));
        context.setVariable("d", new LinkedHashMap<>(details));
        if (details.get(RoutePlan.DETAIL) instanceof RoutePlan plan) {
            context.setVariable("r", plan.view(locale, messages));
        }
        return context;
    }

    /** Text templates leave blank lines where an optional line was skipped: at most one blank line in a row. */
    static String tidy(String text) {
        return text.strip().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n") + "\n";
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * The visit as the templates show it, formatted for one language.
     *
     * @param documents {@code NONE}, {@code PASSPORT} or {@code PASSPORT_AND_BIRTH_CERTIFICATE}: a message key suffix
     */
    public record VisitView(String reference, String resellerReference, String title, String enterprise,
                            String address, String meetingPoint, String when, String whenShort, String date,
                            int durationMinutes, int units, String ppe, boolean ppeRequired, String dressCode,
                            boolean photoAllowed, String documents, String accessibility,
                            int cancellationCutoffHours, String contactName, String operatorName) {

        static VisitView of(Visit visit, Locale locale, MessageSource messages) {
            OffsetDateTime local = visit.localStartTime();
            Visit.Rules rules = visit.rules();
            return new VisitView(visit.supplierReference(), visit.resellerReference(), visit.title(locale.getLanguage()),
                    visit.enterprise().name(), visit.enterprise().address(), visit.meetingPoint(),
                    VisitFormat.when(local, visit.timeZone(), locale, messages),
                    VisitFormat.whenShort(local, visit.timeZone(), locale, messages),
                    VisitFormat.date(local, locale), visit.durationMinutes(), visit.units(),
                    blankToNull(rules.ppe()), rules.ppeRequired(), blankToNull(rules.dressCode()), rules.photoAllowed(),
                    rules.documents() == null ? "NONE" : rules.documents(), blankToNull(rules.accessibility()),
                    visit.cancellationCutoffHours(), visit.contact() == null ? null : visit.contact().fullName(),
                    visit.operator() == null ? null : visit.operator().name());
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
