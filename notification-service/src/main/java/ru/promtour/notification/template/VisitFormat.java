package ru.promtour.notification.template;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Local date and time of a visit as people read it: {@code 1 декабря 2026, 10:00 (Иркутск, UTC+8)}.
 * Formatted from the producer's {@code localStart} (already in the enterprise's offset) and named after
 * the zone's city ({@code zone.<IANA id>} in the messages, else the id's last part).
 */
public final class VisitFormat {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private VisitFormat() {
    }

    /** {@code 1 декабря 2026, 10:00 (Иркутск, UTC+8)}. */
    public static String when(OffsetDateTime local, String timeZone, Locale locale, MessageSource messages) {
        return LONG.withLocale(locale).format(local) + " (" + zone(local.getOffset(), timeZone, locale, messages) + ")";
    }

    /** {@code 01.12.2026 10:00 (Иркутск)}: the SMS form. */
    public static String whenShort(OffsetDateTime local, String timeZone, Locale locale, MessageSource messages) {
        return SHORT.format(local) + " (" + city(timeZone, locale, messages) + ")";
    }

    /** {@code 21 ноября 2026}. */
    public static String date(OffsetDateTime local, Locale locale) {
        return DATE.withLocale(locale).format(local);
    }

    /** {@code Иркутск, UTC+8}. */
    public static String zone(ZoneOffset offset, String timeZone, Locale locale, MessageSource messages) {
        return city(timeZone, locale, messages) + ", " + utc(offset);
    }

    /** {@code UTC+8}, {@code UTC+5:30}, {@code UTC}. */
    public static String utc(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int hours = Math.abs(seconds) / 3600;
        int minutes = Math.abs(seconds) % 3600 / 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + hours + (minutes == 0 ? "" : String.format(":%02d", minutes));
    }

    static String city(String timeZone, Locale locale, MessageSource messages) {
        String fallback = timeZone.substring(timeZone.lastIndexOf('/') + 1).replace('_', ' ');
        return messages.getMessage("zone." + timeZone, null, fallback, locale);
    }
}
