package ru.promtour.web.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The signed-in person, as the gateway described it at sign-in, with the session token every API call of theirs
 * carries. Kept only in the server-side HTTP session, never sent to the browser.
 *
 * @param role         {@code ENTERPRISE} (staff of {@code enterpriseId}) or {@code ADMIN} (the regional office)
 * @param enterpriseId the enterprise of an ENTERPRISE member, null for ADMIN
 */
public record ConsoleUser(String id, String email, String name, String role, String enterpriseId, String token,
                          Instant expiresAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    /** Never the token: a principal ends up in logs and debuggers. */
    @Override
    public String toString() {
        return "ConsoleUser[" + id + ", " + role + (enterpriseId == null ? "" : ":" + enterpriseId) + "]";
    }
}
