package ru.promtour.gateway.tenant;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tour operator (reseller): the tenant behind OPERATOR API keys. */
@Document("operators")
public record Operator(@Id String id, String name, String email, String phone, Instant createdAt) {
}
