package ru.promtour.web.console;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the console writes money and times, for the templates ({@code ${@consoleFormat.rubles(unit.price)}}). The APIs
 * speak kopecks and instants; people read rubles and the enterprise's own local time, whatever zone this server is in.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Kopecks as rubles: {@code 90000} → {@code 900 ₽}, {@code 90050} → {@code 900,50 ₽}. */
    public String rubles(Object kopecks) {
        if (!(kopecks instanceof Number number)) {
            return "—";
        }
        return rublesText(number.longValue()) + " ₽";
    }

    /** Kopecks as the rubles a form field shows, without the sign: {@code 900} or {@code 900,50}. */
    public static String rublesText(long kopecks) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat(kopecks % 100 == 0 ? "0" : "0.00", symbols);
        return format.format(BigDecimal.valueOf(kopecks).movePointLeft(2));
    }

    /** A slot's {@code start} (local date-time with the enterprise's offset) as it reads there: {@code 01.12.2026 10:00}. */
    public String local(Object start) {
        OffsetDateTime at = offset(start);
        return at == null ? String.valueOf(start) : at.format(DATE_TIME);
    }

    /** Only the local time of a slot's {@code start}: {@code 10:00}. */
    public String localTime(Object start) {
        OffsetDateTime at = offset(start);
        return at == null ? String.valueOf(start) : at.format(TIME);
    }

    /** An instant shown in the given zone (a booking's {@code start} and {@code timeZone}): {@code 01.12.2026 10:00}. */
    public String inZone(Object instant, Object zone) {
        Instant at = instant(instant);
        if (at == null) {
            return instant == null ? "—" : String.valueOf(instant);
        }
        return at.atZone(zone(zone)).format(DATE_TIME);
    }

    /** A local date as the console writes it: {@code 01.12.2026}. */
    public String date(LocalDate date) {
        return date.format(DATE);
    }

    /** Whether an instant is already past (a visit that has begun may be marked as a no-show). */
    public boolean past(Object instant) {
        Instant at = instant(instant);
        return at != null && at.isBefore(Instant.now());
    }

    static OffsetDateTime offset(Object start) {
        if (start == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(start.toString());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static ZoneId zone(Object zone) {
        try {
            return zone == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(zone.toString());
        }
        catch (DateTimeException ex) {
            return ZoneId.of("Europe/Moscow");
        }
    }
}
