package ru.promtour.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

class OutboxEventTest {

    record Payload(String slotId, int seats) {
    }

    record Aggregate(String id, List<OutboxEvent> outbox) {
    }

    @Test
    void ofSerializesThePayloadAndStampsIdAndTime() {
        Instant before = Instant.now().minusMillis(1);
        OutboxEvent event = OutboxEvent.of("catalog.SeatsHeld.v1", "catalog.slots.v1", "slot-1", "booking-1",
                new Payload("slot-1", 2), JsonMapper.shared());
        assertThat(event.id()).hasSize(36);
        assertThat(event.payload()).isEqualTo("{\"slotId\":\"slot-1\",\"seats\":2}");
        assertThat(event.time()).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(event.time().getNano() % 1_000_000).isZero();
    }

    @Test
    void documentRoundTripKeepsEverything() {
        OutboxEvent event = new OutboxEvent("e1", "t.v1", "topic", "k", "s", Instant.parse("2026-01-02T03:04:05.678Z"), "{}");
        Document doc = event.toDocument();
        assertThat(doc.get("_id")).isEqualTo("e1");
        assertThat(doc.get("time")).isEqualTo(Date.from(event.time()));
        assertThat(OutboxEvent.fromDocument(doc)).isEqualTo(event);
    }

    @Test
    void storedShapeIsWhatSpringDataWritesForTheRecord() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        OutboxEvent event = new OutboxEvent("e1", "t.v1", "topic", "k", "s", Instant.parse("2026-01-02T03:04:05.678Z"), "{}");

        Document written = new Document();
        converter.write(new Aggregate("a1", List.of(event)), written);
        assertThat(written.getList("outbox", Document.class)).containsExactly(event.toDocument());

        Document stored = new Document("_id", "a1").append("outbox", List.of(event.toDocument()));
        assertThat(converter.read(Aggregate.class, stored).outbox()).containsExactly(event);
    }

    @Test
    void appendPushesEachEventInOrderIntoTheSameUpdate() {
        OutboxEvent first = new OutboxEvent("e1", "t.v1", "topic", "k", null, Instant.EPOCH, "{}");
        OutboxEvent second = new OutboxEvent("e2", "t.v1", "topic", "k", null, Instant.EPOCH, "{}");
        Update update = Outbox.append(new Update().inc("held", 2), first, second);
        Document push = update.getUpdateObject().get("$push", Document.class);
        Update.Modifier each = push.get("outbox", Update.Modifiers.class).getModifiers().iterator().next();
        assertThat(each.getKey()).isEqualTo("$each");
        assertThat((Object[]) each.getValue()).extracting(d -> ((Document) d).get("_id")).containsExactly("e1", "e2");
        assertThat(update.getUpdateObject().get("$inc", Document.class)).containsEntry("held", 2);
    }
}
