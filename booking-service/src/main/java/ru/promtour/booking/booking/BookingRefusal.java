package ru.promtour.booking.booking;

/**
 * A "no" of the booking lifecycle, in OCTO's vocabulary; the web layer renders it as an OCTO error (or, on
 * the enterprise API, as problem+json).
 *
 * @see Code
 */
public class BookingRefusal extends RuntimeException {

    /** OCTO error codes; {@code field} is the extra property OCTO names with the offending value. */
    public enum Code {
        INVALID_BOOKING_UUID("uuid"), INVALID_PRODUCT_ID("productId"), INVALID_OPTION_ID("optionId"),
        INVALID_UNIT_ID("unitId"), INVALID_AVAILABILITY_ID("availabilityId"), BAD_REQUEST(null),
        UNPROCESSABLE_ENTITY(null);

        private final String field;

        Code(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Code code;
    private final String value;
    private final String reason;

    public BookingRefusal(Code code, String message, String value) {
        this(code, message, value, null);
    }

    private BookingRefusal(Code code, String message, String value, String reason) {
        super(message);
        this.code = code;
        this.value = value;
        this.reason = reason;
    }

    BookingRefusal(Code code, String message) {
        this(code, message, null);
    }

    public static BookingRefusal unknownBooking(String uuid) {
        return new BookingRefusal(Code.INVALID_BOOKING_UUID, "The uuid was missing or invalid", uuid);
    }

    public static BookingRefusal badRequest(String message) {
        return new BookingRefusal(Code.BAD_REQUEST, message);
    }

    public static BookingRefusal unprocessable(String message) {
        return new BookingRefusal(Code.UNPROCESSABLE_ENTITY, message);
    }

    /**
     * The slot refuses the seats (UNPROCESSABLE_ENTITY); {@code reason} says why in one word ({@code SOLD_OUT},
     * {@code CLOSED}, …), the reserve's outcome on the {@code booking.reserve} counter.
     */
    public static BookingRefusal seatsRefused(String reason, String message) {
        return new BookingRefusal(Code.UNPROCESSABLE_ENTITY, message, null, reason);
    }

    /** Refuses (BAD_REQUEST, naming the field) a text longer than {@code max} characters. */
    public static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw badRequest(field + " is longer than " + max + " characters");
        }
    }

    public Code code() {
        return code;
    }

    /** Why, in one word of a small fixed set: the slot's refusal ({@link #seatsRefused}) or else the OCTO code. */
    public String reason() {
        return reason != null ? reason : code.name();
    }

    /** The offending value for {@link Code#field()}, may be null. */
    public String value() {
        return value;
    }
}
