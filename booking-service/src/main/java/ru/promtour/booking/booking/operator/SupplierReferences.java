package ru.promtour.booking.booking.operator;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Short human references, {@code PT-} + 6 Crockford base32 characters (no I, L, O, U: nothing to misread
 * over the phone), about a billion values; uniqueness is the unique index's job, a collision is retried.
 */
@Component
public class SupplierReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder ref = new StringBuilder("PT-");
        for (int i = 0; i < 6; i++) {
            ref.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return ref.toString();
    }
}
