package ru.promtour.booking.catalog.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;

/**
 * Feeds the projection from {@code catalog.excursions.v1} and {@code catalog.slots.v1}. Every write is
 * version-conditional, so redelivery and reordering change nothing; seat answers on the slot topic are the
 * booking lifecycle's business (its own consumer group) and are ignored here.
 */
@Component
public class CatalogListener {

    public static final String GROUP = "booking-service.catalog-projection";

    private final CatalogProjection projection;

    public CatalogListener(CatalogProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "booking-catalog-projection", topics = {CatalogEvents.EXCURSIONS, CatalogEvents.SLOTS},
            groupId = GROUP)
    void on(ConsumerRecord<String, Object> record) {
        apply(CloudEventHeaders.type(record.headers()), record.value());
    }

    /** Applies one event by its {@code ce_type}; other types are ignored. */
    public void apply(String type, Object value) {
        if (value instanceof ExcursionChanged e) {
            if (CatalogEvents.EXCURSION_UNPUBLISHED.equals(type)) {
                projection.excursionUnpublished(e.excursionId(), e.enterpriseId(), e.version());
            }
            else if (e.excursion() != null) {
                projection.excursionChanged(e.excursionId(), e.enterpriseId(), e.version(), e.excursion());
            }
        }
        else if (value instanceof SlotChanged e) {
            projection.slotChanged(new SlotView(e.slotId(), e.excursionId(), e.enterpriseId(), e.start(), e.timeZone(),
                    e.localStart(), e.capacity(), e.available(), e.status(), e.version()));
        }
    }
}
