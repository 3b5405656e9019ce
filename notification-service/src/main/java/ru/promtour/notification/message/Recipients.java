package ru.promtour.notification.message;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalizes recipients to the form providers accept and masks them for listings. */
public final class Recipients {

    /** What the SMS provider accepts: E.164. */
    public static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Recipients() {
    }

    /** A lower-cased email address, or empty when it is not one. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(value).matches() && value.length() <= 254 ? Optional.of(value) : Optional.empty();
    }

    /**
     * A phone number in E.164, or empty. Spaces, dashes, dots and brackets are dropped; a Russian
     * national number ({@code 8XXXXXXXXXX}, 11 digits) becomes {@code +7XXXXXXXXXX}.
     */
    public static Optional<String> phone(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.replaceAll("[\\s\\-().]", "");
        if (value.matches("8\\d{10}")) {
            value = "+7" + value.substring(1);
        }
        return E164.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /**
     * The recipient as listings show it: {@code m***@school42.example}, {@code +7902***1234}. Enough to
     * recognise one's own address, not enough to harvest someone else's.
     */
    public static String mask(String recipient) {
        if (recipient == null || recipient.isEmpty()) {
            return recipient;
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        if (recipient.length() > 8) {
            return recipient.substring(0, 5) + "***" + recipient.substring(recipient.length() - 4);
        }
        return "***" + recipient.substring(Math.max(0, recipient.length() - 2));
    }
}
