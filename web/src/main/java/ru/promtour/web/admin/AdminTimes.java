package ru.promtour.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

/**
 * Moments the gateway gives as ISO instants (a key's issue, a lock's end), shown as {@code 2026-12-05 10:15 UTC}: the
 * regional office spans several zones, so no zone is guessed; slots and visits, which are local, never come here.
 */
@Component("adminTimes")
public class AdminTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The moment as shown; what is no instant is shown as it came, nothing as a dash. */
    public String instant(Object value) {
        if (value == null) {
            return "—";
        }
        try {
            return SHOWN.format(Instant.parse(value.toString()));
        }
        catch (DateTimeParseException ex) {
            return value.toString();
        }
    }
}
