package ru.promtour.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses and phone numbers in free text: the one function behind the JSON logs' customizer and
 * the text pattern's converters.
 * <ul>
 *   <li>e-mail: the first character of the local part and the domain stay, {@code m***@school42.example};</li>
 *   <li>Russian phone ({@code +7…} or {@code 8…} and ten digits, with spaces, dashes or parentheses between them):
 *       written as {@code +7}, the first three digits, five stars and the last two, {@code +7902*****34};</li>
 *   <li>any other international number ({@code +} and 10 to 14 digits): {@code +}, the first four digits, stars,
 *       the last two.</li>
 * </ul>
 * A number touching letters or digits (or a dash on its left) is not a phone: UUIDs, trace ids, ids, timestamps,
 * ports and prices stay as they are.
 */
public final class PersonalDataMask {

    private static final String SEPARATED_DIGIT = "(?:[ \\t\\-()]{0,2}\\d)";

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])([\\p{L}\\p{N}])[\\p{L}\\p{N}._%+\\-]*@((?:[\\p{L}\\p{N}\\-]+\\.)+\\p{L}{2,})");

    // +7 or 8, then exactly ten digits; no letter or digit (nor a dash and a digit) may touch either end, so a
    // longer number is not cut and a hex id (a trace id, a UUID) that happens to start with 8 and ten digits is no phone
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+\\-])(?:(?<ru>(?:\\+7|8)" + SEPARATED_DIGIT + "{10})"
            + "|\\+(?!7)[1-9]" + SEPARATED_DIGIT + "{9,13})(?![\\p{L}\\p{N}_]|-\\d)");

    private PersonalDataMask() {
    }

    /**
     * The text with every e-mail address and phone number masked; {@code null} stays {@code null}, and a text
     * without either comes back as the same instance.
     */
    public static String mask(String text) {
        if (text == null || text.isEmpty() || !mayHold(text)) {
            return text;
        }
        return maskPhones(maskEmails(text));
    }

    // cheap pre-check: most log lines hold neither an '@' nor the ten digits a phone needs
    private static boolean mayHold(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 10) {
                return true;
            }
        }
        return false;
    }

    private static String maskEmails(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = EMAIL.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group(1) + "***@" + matcher.group(2)));
        } while (matcher.find());
        return matcher.appendTail(masked).toString();
    }

    private static String maskPhones(String text) {
        Matcher matcher = PHONE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            String digits = matcher.group().replaceAll("\\D", "");
            String replacement = matcher.group("ru") != null
                    ? "+7" + digits.substring(1, 4) + "*****" + digits.substring(9)
                    : "+" + digits.substring(0, 4) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 2);
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        } while (matcher.find());
        return matcher.appendTail(masked).toString();
    }
}
