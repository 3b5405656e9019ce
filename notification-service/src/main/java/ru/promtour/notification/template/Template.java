package ru.promtour.notification.template;

/**
 * The message kinds. Each has {@code templates/email/<name>.html} and {@code .txt}, and, when it is
 * sent by SMS, {@code templates/sms/<name>.txt}; its texts are the {@code <name>.*} keys of
 * {@code messages_ru/en.properties}.
 */
public enum Template {
    BOOKING_CONFIRMED(true),
    BOOKING_PENDING_APPROVAL(true),
    BOOKING_APPROVED(true),
    BOOKING_DECLINED(true),
    BOOKING_UPDATED(true),
    BOOKING_CANCELLED(true),
    BOOKING_EXPIRED(true),
    ENTERPRISE_NEW_BOOKING(false),
    ENTERPRISE_APPROVAL_REQUEST(false),
    ENTERPRISE_MANIFEST_INCOMPLETE(false),
    OPERATOR_MANIFEST_INCOMPLETE(false),
    OPERATOR_MANIFEST_REMINDER(false),
    REMINDER_DAY_BEFORE(true),
    /** A waitlisted booking holds seats until a deadline: the operator has to confirm (issue 16). */
    OPERATOR_WAITLIST_OFFERED(false),
    /** A route's day plan, to the group leader (email and SMS) and the operator. */
    ROUTE_CONFIRMED(true),
    ROUTE_CANCELLED(true);

    private final boolean sms;

    Template(boolean sms) {
        this.sms = sms;
    }

    /** The file and message-key name, e.g. {@code booking-confirmed}. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether an SMS text exists for it. */
    public boolean hasSms() {
        return sms;
    }
}
