package ru.promtour.reporting.projection.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.reporting.projection.BookingEvent;
import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProgramEvent;
import ru.promtour.reporting.projection.SlotEvent;

/** The event types the projection reads; the others on its topics arrive as {@code UnknownEvent} and are skipped. */
@Configuration(proxyBeanMethods = false)
class ProjectionEventTypes {

    static final String[] SLOT_FACTS = {"catalog.SlotPublished.v1", "catalog.SlotCapacityChanged.v1",
            "catalog.SlotClosed.v1", "catalog.SlotReopened.v1", "catalog.SlotCancelled.v1", "catalog.SlotCutoffChanged.v1"};
    static final String UNPUBLISHED = "catalog.ExcursionUnpublished.v1";
    static final String[] PROGRAMS = {"catalog.ExcursionPublished.v1", "catalog.ExcursionUpdated.v1", UNPUBLISHED};

    @Bean
    EventTypes reportingEventTypes() {
        EventTypes.Builder types = EventTypes.builder();
        BookingFact.TYPES.forEach(type -> types.add(type, BookingEvent.class));
        for (String type : SLOT_FACTS) {
            types.add(type, SlotEvent.class);
        }
        for (String type : PROGRAMS) {
            types.add(type, ProgramEvent.class);
        }
        return types.build();
    }
}
