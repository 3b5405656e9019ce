package ru.promtour.web.guide;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the guide's templates write what the API sends ({@code ${@guideFormat.rubles(item.priceFrom.amount)}}):
 * kopecks as rubles, a slot's start in the enterprise's own local time with its zone (never the server's), texts in
 * the page's language with Russian as the fallback, and codes (region, industry, language) as names — an unknown
 * code as itself.
 */
@Component("guideFormat")
public class GuideFormat {

    private static final String RUBLE = "\u00a0₽";

    private final MessageSource messages;

    public GuideFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** A {@code {ru, en}} text in the page's language; Russian when there is no English. */
    public String text(Object value) {
        if (!(value instanceof Map<?, ?> text)) {
            return value == null ? "" : value.toString();
        }
        Object wanted = text.get(locale().getLanguage());
        if (wanted instanceof String s && !s.isBlank()) {
            return s;
        }
        Object russian = text.get("ru");
        return russian == null ? "" : russian.toString();
    }

    /** Kopecks as rubles: {@code 900 ₽}, {@code 900,50 ₽} (kopecks only when there are some). */
    public String rubles(Object kopecks) {
        if (!(kopecks instanceof Number number)) {
            return "";
        }
        BigDecimal rubles = BigDecimal.valueOf(number.longValue()).movePointLeft(2);
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        int fraction = number.longValue() % 100 == 0 ? 0 : 2;
        format.setMinimumFractionDigits(fraction);
        format.setMaximumFractionDigits(fraction);
        return format.format(rubles) + RUBLE;
    }

    public String region(String code) {
        return name("region.", code);
    }

    public String industry(String code) {
        return name("industry.", code);
    }

    public String language(String code) {
        return name("language.", code);
    }

    /** Guide languages, named and joined. */
    public String languages(List<String> codes) {
        return codes == null ? "" : codes.stream().map(this::language).collect(Collectors.joining(", "));
    }

    /** A message of the guide's bundle for an API code ({@code guide.status.} + {@code SOLD_OUT}); the code if none. */
    public String name(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(prefix + code, null, code.toString(), locale());
    }

    /**
     * A slot as a line: its local date and time (or the day's opening hours) in the enterprise's zone, e.g.
     * {@code сб, 5 дек., 10:00 (MSK, UTC+3)}.
     */
    public String slot(Map<String, Object> slot) {
        OffsetDateTime start = start(slot);
        if (start == null) {
            return "";
        }
        return date(start.toLocalDate()) + ", " + time(slot) + " (" + zone(slot) + ")";
    }

    /** Only the local time of a slot ({@code 10:00}), or an opening-hours day's ranges ({@code 09:00–17:00}). */
    public String time(Map<String, Object> slot) {
        if (Boolean.TRUE.equals(slot.get("allDay")) && slot.get("openingHours") instanceof List<?> ranges && !ranges.isEmpty()) {
            return ranges.stream().filter(Map.class::isInstance).map(Map.class::cast)
                    .map(range -> range.get("from") + "–" + range.get("to")).collect(Collectors.joining(", "));
        }
        OffsetDateTime start = start(slot);
        return start == null ? "" : start.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** The zone a slot's time is in: its abbreviation where one is known, and the UTC offset ({@code MSK, UTC+3}). */
    public String zone(Map<String, Object> slot) {
        OffsetDateTime start = start(slot);
        String offset = start == null ? "" : utc(start.getOffset());
        String abbreviation = start == null ? null : abbreviation(start, slot.get("timeZone"));
        return abbreviation == null ? offset : abbreviation + ", " + offset;
    }

    /** {@code сб, 5 дек.} */
    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEE, d MMM", locale()));
    }

    /** {@code суббота, 5 декабря 2026}: what a screen reader says for a calendar day. */
    public String fullDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale()));
    }

    /** A weekday's short name for a column head ({@code пн}) and its full name ({@code понедельник}). */
    public String weekday(DayOfWeek day, boolean full) {
        return day.getDisplayName(full ? TextStyle.FULL_STANDALONE : TextStyle.SHORT_STANDALONE, locale());
    }

    /** Today's abbreviation and offset of an enterprise's zone, for the calendar's caption ({@code MSK, UTC+3}). */
    public String zoneOf(String timeZone) {
        if (timeZone == null) {
            return "";
        }
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneId.of(timeZone));
            String abbreviation = abbreviation(now, timeZone);
            return abbreviation == null ? utc(now.getOffset()) : abbreviation + ", " + utc(now.getOffset());
        }
        catch (DateTimeException ex) {
            return "";
        }
    }

    /** The local date and time as the API wrote them, offset included; null when missing or malformed. */
    static OffsetDateTime start(Map<String, Object> slot) {
        Object start = slot == null ? null : slot.get("start");
        if (!(start instanceof String text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    static String utc(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        String sign = seconds < 0 ? "−" : "+";
        int minutes = Math.abs(seconds) / 60;
        return "UTC" + sign + (minutes / 60) + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
    }

    /** {@code MSK}, {@code IRKT}; null where Java knows no abbreviation (it would only repeat the offset). */
    private static String abbreviation(OffsetDateTime start, Object timeZone) {
        if (!(timeZone instanceof String id)) {
            return null;
        }
        try {
            String name = start.atZoneSameInstant(ZoneId.of(id)).format(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH));
            return name.startsWith("GMT") || name.startsWith("UTC") || name.startsWith("+") || name.startsWith("-")
                    ? null : name;
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
