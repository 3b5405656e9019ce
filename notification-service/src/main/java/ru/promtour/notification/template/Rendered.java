package ru.promtour.notification.template;

/**
 * A rendered message: an email has a subject, plain text and HTML; an SMS only text.
 */
public record Rendered(String subject, String text, String html) {

    public static Rendered sms(String text) {
        return new Rendered(null, text, null);
    }
}
