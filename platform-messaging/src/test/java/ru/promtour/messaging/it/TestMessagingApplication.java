package ru.promtour.messaging.it;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.outbox.OutboxCollections;

/** A minimal service using the library the way catalog/booking/notification do. */
@SpringBootApplication
public class TestMessagingApplication {

    @Bean
    EventTypes testEventTypes() {
        return EventTypes.builder().add(ThingHappened.TYPE, ThingHappened.class).build();
    }

    @Bean
    OutboxCollections testOutboxCollections() {
        return OutboxCollections.of(Thing.COLLECTION);
    }

    @Bean
    NewTopic thingsTopic() {
        return TopicBuilder.name(TestTopics.THINGS).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic thingsDeadLetterTopic() {
        return TopicBuilder.name(TestTopics.THINGS_DLT).partitions(1).replicas(1).build();
    }
}
