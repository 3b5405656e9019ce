package ru.promtour.gateway.staff;

import java.security.SecureRandom;
import java.util.Base64;

import ru.promtour.gateway.apikey.ApiKeys;

/**
 * The secrets handed to people: {@value #INVITE_PREFIX} invitations and {@value #SESSION_PREFIX} sessions, each a
 * prefix and 32 random bytes (base64url), like API keys. Only their SHA-256 is stored: 256 random bits need no slow
 * hash, and a leaked store yields no usable token.
 */
final class StaffTokens {

    static final String INVITE_PREFIX = "pti_";
    static final String SESSION_PREFIX = "pts_";

    /** Longer than any token issued here: anything longer is not looked up at all. */
    private static final int MAX_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffTokens() {
    }

    static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token (hex SHA-256, as API keys). */
    static String hash(String token) {
        return ApiKeys.hash(token);
    }

    /** Whether {@code presented} can be a token of this kind at all, so that nothing else costs a store read. */
    static boolean looksLike(String presented, String prefix) {
        return presented != null && presented.startsWith(prefix) && presented.length() <= MAX_LENGTH;
    }
}
