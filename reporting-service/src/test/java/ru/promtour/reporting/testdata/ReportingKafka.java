package ru.promtour.reporting.testdata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.test.infra.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's and booking-service's side, played with a plain producer: programs, slots and booking lifecycle
 * events as their contracts shape them (only the fields the reports read, plus what a producer always sends). Every
 * event sent is also kept in {@link #sent()}, in order, so a test can recount from the raw events.
 */
public final class ReportingKafka implements AutoCloseable {

    public static final String EXCURSIONS = "catalog.excursions.v1";
    public static final String SLOTS = "catalog.slots.v1";
    public static final String BOOKINGS = "booking.bookings.v1";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer());
    private final List<Sent> sent = new ArrayList<>();

    /** An event as published: its id, type, time and body. */
    public record Sent(String id, String type, Instant time, Map<String, Object> body) {
    }

    /** An enterprise of the test, with its dimensions. */
    public record Enterprise(String id, String name, String region, String industry, String timeZone) {

        public static Enterprise fresh(String region, String industry) {
            String id = "ent-" + UUID.randomUUID().toString().substring(0, 8);
            return new Enterprise(id, "Завод " + id, region, industry, "Europe/Moscow");
        }
    }

    /** A program: adult and child prices in kopecks. */
    public record Program(String id, Enterprise enterprise, String title, long adultPrice, long childPrice,
                          int cancellationCutoffHours) {
    }

    /** A slot of a program. */
    public record Slot(String id, Program program, Instant start, int capacity) {

        public String localDate() {
            return start.atZone(ZoneId.of(program.enterprise().timeZone())).toLocalDate().toString();
        }
    }

    /** A booking: its units by type. */
    public record Booking(String id, Slot slot, String operatorId, int adults, int children) {

        public int units() {
            return adults + children;
        }
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Publishes a program ({@code ExcursionPublished}, version 1) and returns it. */
    public Program program(Enterprise enterprise, String title, long adultPrice, long childPrice) {
        Program program = new Program("exc-" + UUID.randomUUID(), enterprise, title, adultPrice, childPrice, 24);
        programVersion(program, 1, Instant.now().minusSeconds(365L * 24 * 3600), "catalog.ExcursionPublished.v1");
        return program;
    }

    /** Publishes a new version of a program's price list (ExcursionUpdated) effective {@code from}. */
    public Program reprice(Program program, long version, Instant from, long adultPrice, long childPrice) {
        Program repriced = new Program(program.id(), program.enterprise(), program.title(), adultPrice, childPrice,
                program.cancellationCutoffHours());
        programVersion(repriced, version, from, "catalog.ExcursionUpdated.v1");
        return repriced;
    }

    private void programVersion(Program p, long version, Instant occurredAt, String type) {
        Enterprise e = p.enterprise();
        Map<String, Object> enterprise = map("id", e.id(), "name", e.name(), "region", e.region(), "industry",
                e.industry(), "timeZone", e.timeZone(), "city", "Город");
        Map<String, Object> excursion = map("title", map("ru", p.title(), "en", null), "enterprise", enterprise,
                "units", List.of(map("id", "adult", "type", "ADULT", "price", p.adultPrice(), "currency", "RUB"),
                        map("id", "child", "type", "CHILD", "price", p.childPrice(), "currency", "RUB")),
                "cancellationCutoffHours", p.cancellationCutoffHours());
        send(EXCURSIONS, p.id(), type, p.id(), occurredAt, map("excursionId", p.id(), "enterpriseId", e.id(),
                "version", version, "occurredAt", occurredAt.toString(), "excursion", excursion));
    }

    /** Publishes a slot at a local date-time of the enterprise ({@code SlotPublished}, version 1). */
    public Slot slot(Program program, LocalDateTime localStart, int capacity) {
        ZonedDateTime start = localStart.atZone(ZoneId.of(program.enterprise().timeZone()));
        Slot slot = new Slot("slot-" + UUID.randomUUID(), program, start.toInstant(), capacity);
        slotFact(slot, "catalog.SlotPublished.v1", "OPEN", capacity, 1);
        return slot;
    }

    /** Publishes a slot fact (capacity change, cancellation, …) with a version. */
    public void slotFact(Slot slot, String type, String status, int capacity, long version) {
        ZonedDateTime start = slot.start().atZone(ZoneId.of(slot.program().enterprise().timeZone()));
        send(SLOTS, slot.id(), type, slot.id(), Instant.now(), map("slotId", slot.id(), "excursionId",
                slot.program().id(), "enterpriseId", slot.program().enterprise().id(), "start", slot.start().toString(),
                "timeZone", slot.program().enterprise().timeZone(), "localStart",
                start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), "cutoffAt", slot.start().minusSeconds(7200).toString(),
                "capacity", capacity, "held", 0, "confirmed", 0, "available", capacity, "status", status,
                "version", version, "occurredAt", Instant.now().toString()));
    }

    /** Publishes {@code BookingConfirmed} for a new booking made {@code bookedAt}; returns the booking. */
    public Booking confirmed(Slot slot, String operatorId, int adults, int children, Instant bookedAt) {
        Booking booking = new Booking(UUID.randomUUID().toString(), slot, operatorId, adults, children);
        lifecycle(booking, "booking.BookingConfirmed.v1", bookedAt, map("confirmedAt", bookedAt.toString()));
        return booking;
    }

    /** Publishes {@code BookingCancelled} at {@code cancelledAt} by {@code OPERATOR} or {@code SUPPLIER}. */
    public void cancelled(Booking booking, String cancelledBy, Instant cancelledAt, String reason) {
        lifecycle(booking, "booking.BookingCancelled.v1", cancelledAt, map("cancelledBy", cancelledBy, "reason", reason,
                "cancelledAt", cancelledAt.toString()));
    }

    /** Publishes {@code BookingNoShow} with a cause. */
    public void noShow(Booking booking, String cause, Instant markedAt) {
        lifecycle(booking, "booking.BookingNoShow.v1", markedAt, map("cause", cause, "note", null,
                "markedAt", markedAt.toString()));
    }

    /** Publishes any lifecycle type of a booking (its {@code visit} built from the booking), at {@code time}. */
    public String lifecycle(Booking b, String type, Instant time, Map<String, Object> extra) {
        Slot s = b.slot();
        Program p = s.program();
        Enterprise e = p.enterprise();
        List<Map<String, Object>> units = new ArrayList<>();
        if (b.children() > 0) {
            units.add(map("unitId", "child", "type", "CHILD", "quantity", b.children()));
        }
        if (b.adults() > 0) {
            units.add(map("unitId", "adult", "type", "ADULT", "quantity", b.adults()));
        }
        ZonedDateTime start = s.start().atZone(ZoneId.of(e.timeZone()));
        Map<String, Object> visit = map("supplierReference", "PT-" + b.id().substring(0, 6).toUpperCase(),
                "resellerReference", "R-" + b.id().substring(0, 4), "productId", p.id(),
                "excursionTitle", map("ru", p.title(), "en", null),
                "enterprise", map("id", e.id(), "name", e.name(), "timeZone", e.timeZone()),
                "start", s.start().toString(), "localStart", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "timeZone", e.timeZone(), "cancellationCutoffHours", p.cancellationCutoffHours(), "unitItems", units,
                "units", b.units(), "operator", map("id", b.operatorId(), "name", "Оператор " + b.operatorId()),
                "bookedAt", sent.stream().filter(x -> b.id().equals(x.body().get("bookingId"))).findFirst()
                        .<Object>map(x -> ((Map<?, ?>) x.body().get("visit")).get("bookedAt")).orElse(time.toString()));
        Map<String, Object> body = map("bookingId", b.id(), "slotId", s.id(), "excursionId", p.id(),
                "operatorId", b.operatorId(), "units", b.units(), "visit", visit);
        body.putAll(extra);
        return send(BOOKINGS, s.id(), type, b.id(), time, body);
    }

    /** Publishes one event with CloudEvents headers; returns its id. */
    public String send(String topic, String key, String type, String subject, Instant time, Map<String, Object> body) {
        return sendWithId(UUID.randomUUID().toString(), topic, key, type, subject, time, body);
    }

    /** Publishes with a given event id (a redelivery is the same id again). */
    public String sendWithId(String id, String topic, String key, String type, String subject, Instant time,
                             Map<String, Object> body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(body));
        CloudEventHeaders.write(record.headers(), new CloudEventAttributes(id, type, "/reporting-test", time, subject));
        producer.send(record);
        producer.flush();
        sent.add(new Sent(id, type, time, body));
        return id;
    }

    /** A map that keeps its order and takes nulls. */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Override
    public void close() {
        producer.close();
    }
}
