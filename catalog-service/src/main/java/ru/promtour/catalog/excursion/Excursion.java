package ru.promtour.catalog.excursion;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An excursion program of one enterprise. Writes are conditional on {@code version} (every write
 * increments it), so a publish checks exactly the content it publishes, and the events appended to the
 * document's {@code outbox} in the same update describe exactly the stored state.
 */
@Document(Excursion.COLLECTION)
public record Excursion(@Id String id, String enterpriseId, ExcursionStatus status, long version,
                        ExcursionProgram program, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public static final String COLLECTION = "excursions";
}
