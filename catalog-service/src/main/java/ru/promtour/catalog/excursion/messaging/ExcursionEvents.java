package ru.promtour.catalog.excursion.messaging;

import java.time.Instant;

import org.springframework.stereotype.Component;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the outbox entries of an excursion: topic {@code catalog.excursions.v1}, keyed by excursion id
 * so that one program's events stay ordered. Given the state AFTER the change.
 */
@Component
public class ExcursionEvents {

    public static final String TOPIC = "catalog.excursions.v1";
    public static final String PUBLISHED = "catalog.ExcursionPublished.v1";
    public static final String UPDATED = "catalog.ExcursionUpdated.v1";
    public static final String UNPUBLISHED = "catalog.ExcursionUnpublished.v1";

    private final JsonMapper json;

    public ExcursionEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxEvent published(Excursion after, Enterprise enterprise, Instant at) {
        return event(PUBLISHED, after, new ExcursionPublished(after.id(), after.enterpriseId(), after.version(), at,
                ExcursionDetails.of(after, enterprise)));
    }

    public OutboxEvent updated(Excursion after, Enterprise enterprise, Instant at) {
        return event(UPDATED, after, new ExcursionUpdated(after.id(), after.enterpriseId(), after.version(), at,
                ExcursionDetails.of(after, enterprise)));
    }

    public OutboxEvent unpublished(Excursion after, Instant at) {
        return event(UNPUBLISHED, after, new ExcursionUnpublished(after.id(), after.enterpriseId(), after.version(), at));
    }

    private OutboxEvent event(String type, Excursion excursion, Object payload) {
        return OutboxEvent.of(type, TOPIC, excursion.id(), excursion.id(), payload, json);
    }
}
