package ru.promtour.booking.catalog.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.promtour.booking.catalog.RouteView;
import ru.promtour.messaging.cloudevents.EventTypes;

/** The catalog's excursion and slot event types the booking service reads, and their topics. */
@Configuration(proxyBeanMethods = false)
public class CatalogEvents {

    public static final String EXCURSIONS = "catalog.excursions.v1";
    public static final String SLOTS = "catalog.slots.v1";

    public static final String EXCURSION_PUBLISHED = "catalog.ExcursionPublished.v1";
    public static final String EXCURSION_UPDATED = "catalog.ExcursionUpdated.v1";
    public static final String EXCURSION_UNPUBLISHED = "catalog.ExcursionUnpublished.v1";
    public static final String SLOT_PUBLISHED = "catalog.SlotPublished.v1";
    public static final String SLOT_CAPACITY_CHANGED = "catalog.SlotCapacityChanged.v1";
    public static final String SLOT_CLOSED = "catalog.SlotClosed.v1";
    public static final String SLOT_REOPENED = "catalog.SlotReopened.v1";
    public static final String SLOT_CANCELLED = "catalog.SlotCancelled.v1";
    public static final String SLOT_CUTOFF_CHANGED = "catalog.SlotCutoffChanged.v1";
    public static final String SLOT_CHANGE_REQUESTED = "catalog.SlotChangeRequested.v1";
    public static final String ROUTE_SAVED = "catalog.RouteSaved.v1";
    public static final String ROUTE_WITHDRAWN = "catalog.RouteWithdrawn.v1";

    @Bean
    EventTypes catalogProjectionTypes() {
        return EventTypes.builder()
                .add(EXCURSION_PUBLISHED, ExcursionChanged.class)
                .add(EXCURSION_UPDATED, ExcursionChanged.class)
                .add(EXCURSION_UNPUBLISHED, ExcursionChanged.class)
                .add(SLOT_PUBLISHED, SlotChanged.class)
                .add(SLOT_CAPACITY_CHANGED, SlotChanged.class)
                .add(SLOT_CLOSED, SlotChanged.class)
                .add(SLOT_REOPENED, SlotChanged.class)
                .add(SLOT_CANCELLED, SlotChanged.class)
                .add(SLOT_CUTOFF_CHANGED, SlotChanged.class)
                .add(SLOT_CHANGE_REQUESTED, SlotChangeRequested.class)
                .add(ROUTE_SAVED, RouteView.class)
                .add(ROUTE_WITHDRAWN, RouteView.class)
                .build();
    }
}
