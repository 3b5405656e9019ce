package ru.promtour.gateway.staff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed-in member's session: only the SHA-256 of its {@code pts_} token is stored (unique). The store's TTL index
 * removes it some time after {@code expiresAt}; until then the expiry is checked on every use.
 */
@Document(StaffSession.COLLECTION)
public record StaffSession(@Id String id, String tokenHash, String memberId, Instant createdAt, Instant expiresAt) {

    public static final String COLLECTION = "staff_sessions";
}
