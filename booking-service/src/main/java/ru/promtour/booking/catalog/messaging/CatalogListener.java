package ru.promtour.booking.catalog.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.booking.allocation.Allocations;
import ru.promtour.booking.booking.cancellation.SlotCancellations;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.RouteView;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.ledger.SeatLedger.ChangeAnswer;
import ru.promtour.booking.ledger.SeatLedger.ChangeRequest;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.seats.Bookability;

/**
 * Reads {@code catalog.excursions.v1} and {@code catalog.slots.v1}: keeps the projection (every write
 * version-conditional, so redelivery and reordering change nothing), opens each published slot's seat ledger
 * with the cut-off the catalog computed, moves it when the catalog says it moved ({@code SlotCutoffChanged}),
 * and hands the enterprise's slot changes to the ledger, which applies or refuses them and answers on
 * {@code booking.seats.v1}. A cancelled slot's bookings are then cancelled by the supplier. All of a slot's
 * events share its key, so a slot's ledger is opened before any change of it arrives.
 */
@Component
public class CatalogListener {

    public static final String GROUP = "booking-service.catalog-projection";
    private static final Logger log = LoggerFactory.getLogger(CatalogListener.class);

    private final CatalogProjection projection;
    private final SeatLedger ledger;
    private final Allocations allocations;
    private final SlotCancellations cancellations;
    private final Clock clock;

    public CatalogListener(CatalogProjection projection, SeatLedger ledger, SlotCancellations cancellations,
                           Allocations allocations, Clock clock) {
        this.projection = projection;
        this.allocations = allocations;
        this.ledger = ledger;
        this.cancellations = cancellations;
        this.clock = clock;
    }

    @KafkaListener(id = "booking-catalog-projection", topics = {CatalogEvents.EXCURSIONS, CatalogEvents.SLOTS},
            groupId = GROUP, concurrency = "${booking.catalog-events.concurrency:1}")
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
                // a changed booking cut-off reaches the ledgers as each slot's SlotCutoffChanged, not from here
                projection.excursionChanged(e.excursionId(), e.enterpriseId(), e.version(), e.excursion());
            }
        }
        else if (value instanceof SlotChanged e) {
            projection.slotChanged(new SlotView(e.slotId(), e.excursionId(), e.enterpriseId(), e.start(), e.timeZone(),
                    cutoffAt(e), e.localStart(), e.capacity(), e.available(), e.status(), e.version(),
                    Boolean.TRUE.equals(e.allDay()), e.openingHours()));
            if (CatalogEvents.SLOT_PUBLISHED.equals(type)) {
                ledger.create(e.slotId(), e.excursionId(), e.enterpriseId(), e.start(), e.timeZone(), cutoffAt(e),
                        e.capacity(), e.status());
                // also for a redelivery: a crash between the two writes must not leave the slot without its allotments
                allocations.slotOpened(e.slotId());
            }
            else if (CatalogEvents.SLOT_CUTOFF_CHANGED.equals(type) && e.cutoffAt() != null) {
                ledger.cutoffChanged(e.slotId(), e.cutoffAt());
            }
        }
        else if (value instanceof RouteView route) {
            if (CatalogEvents.ROUTE_WITHDRAWN.equals(type)) {
                projection.routeWithdrawn(route.id(), route.version());
            }
            else {
                projection.routeSaved(route);
            }
        }
        else if (value instanceof SlotChangeRequested r) {
            Optional<ChangeAnswer> answer = ledger.apply(new ChangeRequest(r.slotId(), r.requestId(), r.change(),
                    r.capacity(), r.reason()), clock.instant());
            if (answer.isEmpty()) {
                log.warn("Change {} of slot {} ({}): the slot has no ledger here; not answered", r.requestId(),
                        r.slotId(), r.change());
            }
            else if (answer.get().applied() && "CANCEL".equals(r.change())) {
                int cancelled = cancellations.cancelAll(r.slotId(), r.reason());
                log.info("Slot {} cancelled by its enterprise: {} booking(s) cancelled", r.slotId(), cancelled);
            }
        }
    }

    /**
     * The slot's booking cut-off as the catalog published it. The fallback is for a {@code SlotPublished} of a
     * catalog older than the field only (rollout: the catalog deploys first, so just the events it published before
     * are read without it): the program's cut-off from the projection, else the start itself.
     */
    private Instant cutoffAt(SlotChanged e) {
        if (e.cutoffAt() != null) {
            return e.cutoffAt();
        }
        return projection.excursion(e.excursionId()).map(ExcursionView::program)
                .map(p -> Bookability.cutoffAt(e.start(), p.bookingCutoffHours()))
                .orElse(e.start());
    }
}
