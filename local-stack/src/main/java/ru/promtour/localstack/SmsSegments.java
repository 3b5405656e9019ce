package ru.promtour.localstack;

/**
 * How many SMS parts a text costs, counted the way operators bill it (3GPP TS 23.038). A text written
 * only in the GSM 7-bit alphabet fits 160 septets in one SMS, 153 per part when split (the rest is the
 * concatenation header); characters of the extension table ({@code ^ { } \ [ ~ ] | €}) take two
 * septets and are never split. Any other character (Cyrillic, emoji) switches the whole text to UCS-2:
 * 70 UTF-16 units in one SMS, 67 per part, surrogate pairs never split.
 */
public final class SmsSegments {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    /** Whether the whole text can be sent in the GSM 7-bit alphabet. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The number of SMS parts for {@code text}; 1 for an empty text. */
    public static int count(String text) {
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    private static int gsm7(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= 160) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = GSM7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > 153) {
                parts++;
                used = 0;
            }
            used += size;
        }
        return parts;
    }

    private static int ucs2(String text) {
        if (text.length() <= 70) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int size = Character.charCount(text.codePointAt(i));
            if (used + size > 67) {
                parts++;
                used = 0;
            }
            used += size;
            i += size;
        }
        return parts;
    }
}
