package ru.promtour.notification.template;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;
import ru.promtour.notification.event.Visit;

/**
 * A route's day as its messages show it (issue 16): the route, its local date and the legs' visits in the order of the
 * day. Put in an intent's details under {@link #DETAIL}; the renderer gives the templates its view in the recipient's
 * language as {@code r}.
 */
public record RoutePlan(String title, String region, LocalDate date, List<Visit> legs) {

    /** The details key a route intent carries its plan under. */
    public static final String DETAIL = "route";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public RoutePlan {
        Objects.requireNonNull(date, "date");
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("A route has at least one leg");
        }
    }

    /** The plan in one language: dates and the zone's city named for the reader. */
    public View view(Locale locale, MessageSource messages) {
        Visit first = legs.get(0);
        OffsetDateTime firstStart = first.localStartTime();
        String zone = VisitFormat.zone(firstStart.getOffset(), first.timeZone(), locale, messages);
        List<Leg> lines = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            Visit visit = legs.get(i);
            OffsetDateTime start = visit.localStartTime();
            String legZone = VisitFormat.zone(start.getOffset(), visit.timeZone(), locale, messages);
            Visit.Rules rules = visit.rules();
            lines.add(new Leg(i + 1, visit.title(locale.getLanguage()), visit.enterprise().name(), visit.enterprise().address(),
                    visit.meetingPoint(), TIME.format(start), TIME.format(start.plusMinutes(visit.durationMinutes())),
                    legZone.equals(zone) ? null : legZone, blankToNull(rules.ppe()), rules.ppeRequired(),
                    blankToNull(rules.dressCode()), rules.photoAllowed(), rules.documents() == null ? "NONE" : rules.documents(),
                    blankToNull(rules.accessibility()), visit.supplierReference()));
            if (!references.contains(visit.supplierReference())) {
                references.add(visit.supplierReference());
            }
        }
        return new View(title, blankToNull(region), DATE.withLocale(locale).format(date), SHORT_DATE.format(date), zone,
                VisitFormat.city(first.timeZone(), locale, messages), String.join(", ", references), lines);
    }

    /**
     * The route as the templates show it.
     *
     * @param date       {@code 13 октября 2026}
     * @param dateShort  {@code 13.10.2026} (SMS)
     * @param zone       the first leg's zone, {@code Москва, UTC+3}: the times of the plan are in it
     * @param city       its city alone, {@code Москва} (SMS)
     * @param references the legs' supplier references, each once, in leg order
     */
    public record View(String title, String region, String date, String dateShort, String zone, String city,
                       String references, List<Leg> legs) {

        public Leg first() {
            return legs.get(0);
        }
    }

    /**
     * One leg as the templates show it.
     *
     * @param from local start, {@code 10:00}
     * @param to   local end (start + duration), {@code 12:00}
     * @param zone the leg's zone when it differs from the route's first leg, else null
     */
    public record Leg(int number, String title, String enterprise, String address, String meetingPoint, String from,
                      String to, String zone, String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed,
                      String documents, String accessibility, String reference) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
