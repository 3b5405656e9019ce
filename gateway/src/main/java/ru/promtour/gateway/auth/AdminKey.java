package ru.promtour.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

import ru.promtour.gateway.apikey.ApiKeys;

/**
 * The bootstrap admin key ({@code platform.security.admin-api-key}, {@code ADMIN_API_KEY}), kept only as its
 * hash and compared in constant time. It must be a usable secret in every profile: a blank key, an unresolved
 * placeholder (the docker profile bound the literal text {@code ${ADMIN_API_KEY}} when the variable was unset,
 * and {@code Bearer ${ADMIN_API_KEY}} was the admin), a well-known placeholder or a key shorter than
 * {@value #MIN_LENGTH} characters stops the gateway at start ({@link InvalidAdminKeyException}).
 */
public final class AdminKey {

    public static final String PROPERTY = "platform.security.admin-api-key";
    public static final int MIN_LENGTH = 16;

    /** Placeholders people leave in configuration, compared in lower case without punctuation. */
    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "changeit", "changemenow", "changethis",
            "replaceme", "placeholder", "password", "secret", "admin", "adminkey", "adminapikey", "youradminapikey",
            "youradminkey", "yourapikey", "setme", "todo", "default", "example", "null", "none", "undefined");

    private final byte[] hash;

    private AdminKey(String key) {
        this.hash = digest(key);
    }

    /** The configured key, or {@link InvalidAdminKeyException} naming why it cannot be the admin's (never the key). */
    public static AdminKey of(String configured) {
        String reason = unusable(configured);
        if (reason != null) {
            throw new InvalidAdminKeyException(reason);
        }
        return new AdminKey(configured);
    }

    /** Why this key cannot be the admin key, or null when it can. */
    static String unusable(String key) {
        if (key == null || key.isBlank()) {
            return "is not set";
        }
        if (key.contains("${")) {
            return "is an unresolved placeholder (is ADMIN_API_KEY exported?)";
        }
        if (PLACEHOLDERS.contains(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))) {
            return "is a well-known placeholder";
        }
        if (key.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }

    /** Whether the presented key is this one (constant time over the hashes). */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(hash, digest(presented));
    }

    private static byte[] digest(String key) {
        return ApiKeys.hash(key).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "AdminKey[***]";
    }
}
