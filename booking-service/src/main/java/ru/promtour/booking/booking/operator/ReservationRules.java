package ru.promtour.booking.booking.operator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingRefusal.Code;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.ReserveCommand.UnitItemInput;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.Visitor;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;

import static ru.promtour.booking.booking.BookingRefusal.checkLength;

/**
 * What a reservation must satisfy before any seat is asked for, checked against the projection; each
 * refusal carries the OCTO code naming the problem. Whether the slot takes it (open, before the cut-off,
 * seats free) is the seat ledger's word alone ({@link ru.promtour.booking.ledger.SeatLedger#hold}).
 */
public final class ReservationRules {

    /** The contracts' bound on units per booking. */
    static final int MAX_UNITS = 1000;
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}([-_][A-Za-z]{2})?$");
    /**
     * A person's name: Cyrillic and Latin letters (with combining accents), spaces, hyphens, apostrophes
     * ({@code '} and {@code ’}) and dots, with at least one letter; no digits, no control characters.
     */
    static final Pattern NAME = Pattern.compile("^(?=.*[\\p{IsCyrillic}\\p{IsLatin}])(?:[\\p{IsCyrillic}\\p{IsLatin}]\\p{Mn}*|[ .'\u2019-])+$");
    /** An identity document's number: Cyrillic and Latin letters, digits, spaces and hyphens. */
    static final Pattern DOCUMENT_NUMBER = Pattern.compile("^[\\p{IsCyrillic}\\p{IsLatin}0-9 -]+$");
    /** A phone number in E.164, as the notification service's SMS sender accepts it. */
    static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+$");
    /** The oldest visitor we believe in. */
    static final int MAX_AGE_YEARS = 120;
    /** The date in the earliest time zone (UTC+14): a birth date after it is in the future everywhere. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm (xxx)");
    private static final String NAME_RULE = "may contain only letters (Cyrillic or Latin), spaces, hyphens, apostrophes and dots";

    private ReservationRules() {
    }

    /** The unit items of a valid reservation, typed from the program; throws the refusal otherwise. */
    static List<UnitItem> check(ReserveCommand c, ExcursionView excursion) {
        Program p = excursion.program();
        List<UnitItem> items = unitItems(c.unitItems(), p, "unitItems");
        if (c.expirationMinutes() != null && c.expirationMinutes() < 1) {
            throw BookingRefusal.badRequest("expirationMinutes must be at least 1");
        }
        checkLength("notes", c.notes(), 1000);
        checkLength("resellerReference", c.resellerReference(), 100);
        contact("contact", c.contact(), false);
        checkGroup(items, p);
        return items;
    }

    /** Minimum and maximum group size, and the rules of school groups. */
    public static void checkGroup(List<UnitItem> items, Program p) {
        int n = items.size();
        if (n < Math.max(1, p.minUnits())) {
            throw BookingRefusal.unprocessable("Validation failed: a booking needs at least " + p.minUnits() + " units, got " + n);
        }
        if (n > Math.min(MAX_UNITS, p.maxUnits())) {
            throw BookingRefusal.unprocessable("Validation failed: a booking takes at most " + p.maxUnits() + " units, got " + n);
        }
        long children = items.stream().filter(i -> "CHILD".equals(i.type())).count();
        long accompanying = items.stream().filter(i -> "ACCOMPANYING_ADULT".equals(i.type())).count();
        long adults = n - children - accompanying;
        if (children > 0 && accompanying + adults == 0) {
            throw BookingRefusal.unprocessable("Validation failed: children must be accompanied by at least one adult");
        }
        if (accompanying > 0) {
            if (children == 0) {
                throw BookingRefusal.unprocessable("Validation failed: accompanying adults travel with children only");
            }
            Program.Unit unit = p.units().stream().filter(Program.Unit::accompanying).findFirst().orElse(null);
            Integer per = unit == null ? null : unit.freeAccompanyingPerChildren();
            if (per != null && per > 0) {
                long allowed = (children + per - 1) / per;
                if (accompanying > allowed) {
                    throw BookingRefusal.unprocessable("Validation failed: " + children + " children allow at most "
                            + allowed + " accompanying adults (one per " + per + " children); book the others as adults");
                }
            }
        }
    }

    /** Unit items typed from the program; an unknown or missing unit id is INVALID_UNIT_ID. */
    static List<UnitItem> unitItems(List<UnitItemInput> inputs, Program p, String field) {
        if (inputs == null || inputs.isEmpty()) {
            // well-formed but not bookable, like too few units: OCTO's UNPROCESSABLE_ENTITY, not BAD_REQUEST
            throw BookingRefusal.unprocessable("Validation failed: " + field + " needs at least one unit item");
        }
        if (inputs.size() > MAX_UNITS) {
            throw BookingRefusal.unprocessable("Validation failed: a booking takes at most " + p.maxUnits() + " units");
        }
        List<UnitItem> items = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            UnitItemInput in = inputs.get(i);
            if (in == null || in.unitId() == null || in.unitId().isBlank()) {
                throw new BookingRefusal(Code.INVALID_UNIT_ID, field + "[" + i + "].unitId is required", null);
            }
            Program.Unit unit = p.unit(in.unitId());
            if (unit == null) {
                throw new BookingRefusal(Code.INVALID_UNIT_ID, "The unitId " + in.unitId() + " of " + field + "[" + i
                        + "] is not a unit of this product", in.unitId());
            }
            String uuid = in.uuid() == null || in.uuid().isBlank() ? UUID.randomUUID().toString() : in.uuid();
            checkLength(field + "[" + i + "].uuid", uuid, 100);
            checkLength(field + "[" + i + "].resellerReference", in.resellerReference(), 100);
            contact(field + "[" + i + "].contact", in.contact(), false);
            visitor(field + "[" + i + "].visitor", in.visitor(), unit);
            items.add(new UnitItem(uuid, unit.id(), unit.type(), in.resellerReference(), in.contact(), in.visitor()));
        }
        return items;
    }

    /**
     * A visitor's document is one we know with a plausible number, a birth date is neither in the future nor more
     * than {@value #MAX_AGE_YEARS} years ago, and it fits the unit's age range (checked on the day it is given).
     */
    static void visitor(String field, Visitor v, Program.Unit unit) {
        visitor(field, v, unit, Clock.systemUTC());
    }

    static void visitor(String field, Visitor v, Program.Unit unit, Clock clock) {
        if (v == null) {
            return;
        }
        if (v.documentType() != null && !Visitor.PASSPORT.equals(v.documentType())
                && !Visitor.BIRTH_CERTIFICATE.equals(v.documentType())) {
            throw BookingRefusal.badRequest(field + ".documentType must be PASSPORT or BIRTH_CERTIFICATE");
        }
        checkLength(field + ".documentNumber", v.documentNumber(), 40);
        requireFormat(field + ".documentNumber", v.documentNumber(), DOCUMENT_NUMBER,
                "may contain only letters, digits, spaces and hyphens");
        if (v.birthDate() != null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (v.birthDate().isAfter(LocalDate.now(clock.withZone(EARLIEST_ZONE)))) {
                throw BookingRefusal.badRequest(field + ".birthDate must not be in the future");
            }
            if (v.birthDate().isBefore(today.minusYears(MAX_AGE_YEARS))) {
                throw BookingRefusal.badRequest(field + ".birthDate must not be more than " + MAX_AGE_YEARS + " years ago");
            }
            int age = Math.max(0, Period.between(v.birthDate(), today).getYears());
            if ((unit.minAge() != null && age < unit.minAge()) || (unit.maxAge() != null && age > unit.maxAge())) {
                throw BookingRefusal.unprocessable("Validation failed: " + field + ".birthDate gives age " + age
                        + ", outside the unit " + unit.id() + " (" + (unit.minAge() == null ? "" : unit.minAge()) + "–"
                        + (unit.maxAge() == null ? "" : unit.maxAge()) + ")");
            }
        }
    }

    /**
     * A contact's fields fit the contracts; {@code complete} asks for a name and an email (confirm: the products'
     * {@code requiredContactFields}). The phone is optional as in OCTO (no phone, no SMS); so is the locale, which
     * confirm defaults to the products' {@code locale}.
     */
    static void contact(String field, Contact c, boolean complete) {
        if (c == null) {
            if (complete) {
                throw BookingRefusal.badRequest(field + " is required: fullName (or firstName and lastName) and emailAddress");
            }
            return;
        }
        checkLength(field + ".fullName", c.fullName(), 200);
        checkLength(field + ".firstName", c.firstName(), 100);
        checkLength(field + ".lastName", c.lastName(), 100);
        checkLength(field + ".emailAddress", c.emailAddress(), 254);
        checkLength(field + ".phoneNumber", c.phoneNumber(), 40);
        checkLength(field + ".country", c.country(), 100);
        checkLength(field + ".notes", c.notes(), 1000);
        requireFormat(field + ".fullName", c.fullName(), NAME, NAME_RULE);
        requireFormat(field + ".firstName", c.firstName(), NAME, NAME_RULE);
        requireFormat(field + ".lastName", c.lastName(), NAME, NAME_RULE);
        requireFormat(field + ".emailAddress", c.emailAddress(), EMAIL, "is not an email address");
        requireFormat(field + ".phoneNumber", c.phoneNumber(), E164,
                "must be an E.164 number: + and 8 to 15 digits, no spaces, e.g. +79161234567");
        if (c.locale() != null && !LOCALE.matcher(c.locale()).matches()) {
            throw BookingRefusal.badRequest(field + ".locales[0] must be a language tag such as ru or ru-RU");
        }
        if (complete) {
            if (c.name() == null) {
                throw BookingRefusal.badRequest(field + ".fullName is required");
            }
            if (blank(c.emailAddress())) {
                throw BookingRefusal.badRequest(field + ".emailAddress is required");
            }
        }
    }

    /** {@code hours} before {@code start}, counted on the enterprise's wall clock. */
    static Instant cutoff(Instant start, String timeZone, int hours) {
        return ZonedDateTime.ofInstant(start, ZoneId.of(timeZone)).minusHours(hours).toInstant();
    }

    /** Whether {@code uuid} is a UUID (OCTO's format). */
    static boolean isUuid(String uuid) {
        try {
            UUID.fromString(uuid);
            return uuid.length() == 36;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Refuses (BAD_REQUEST, naming the field) a value that does not match {@code pattern}; an absent one (null, empty or
     * only spaces) is left to the checks of required fields. Tabs, line breaks and other control characters count.
     */
    private static void requireFormat(String field, String value, Pattern pattern, String rule) {
        boolean absent = value == null || value.chars().allMatch(ch -> ch == ' ');
        if (!absent && !pattern.matcher(value).matches()) {
            throw BookingRefusal.badRequest(field + " " + rule);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Local date-times in messages: {@code 2026-12-01 08:00 (+08:00)}. */
    static String local(Instant instant, String zone) {
        return LOCAL.format(instant.atZone(ZoneId.of(zone)));
    }
}
