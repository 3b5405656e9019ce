package ru.promtour.gateway.apikey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored API key: never the key itself, only its SHA-256 hash (keys carry 256 random bits, so a
 * fast hash cannot be brute-forced) and a short prefix that lets people tell keys apart.
 */
@Document("api_keys")
public record ApiKey(
        @Id String id,
        @Indexed(unique = true) String keyHash,
        String prefix,
        TenantType tenantType,
        String tenantId,
        /* the operator's registered name and email, copied at issue time so each request needs no second lookup */
        String tenantName,
        String tenantEmail,
        String label,
        Instant createdAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
