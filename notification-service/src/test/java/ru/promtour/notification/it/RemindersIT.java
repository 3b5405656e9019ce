package ru.promtour.notification.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.reminder.Reminders;
import ru.promtour.notification.testdata.Events;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reminders with a clock the test moves, for visits in two zones (Irkutsk UTC+8, Kaliningrad UTC+2):
 * 10:00 local the day before, never for a cancelled booking, never twice; the manifest reminder for a
 * secure site whose visitor list is incomplete.
 */
@SpringBootTest(properties = {"notification.dispatch.enabled=false", "notification.reminders.interval=PT24H"})
@ImportTestInfrastructure
@Import({TestSecurityConfiguration.class, RemindersIT.Clocks.class})
class RemindersIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.fixedAt(Instant.parse("2026-11-10T00:00:00Z"));
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    Reminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    MessageLog log;
    @Autowired
    MongoOperations mongo;

    /** Bookings are confirmed well before their reminders are due, whatever an earlier test left on the clock. */
    @BeforeEach
    void confirmationTime() {
        clock.set(Instant.parse("2026-11-10T00:00:00Z"));
    }

    @Test
    void dayBeforeAtTenEnterpriseLocalInEachZoneOnceAndNeverForACancelledBooking() {
        String irkutsk = book("Asia/Irkutsk", "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00", 0);
        String kaliningrad = book("Europe/Kaliningrad", "2026-12-01T07:00:00Z", "2026-12-01T09:00:00+02:00", 0);
        String cancelled = book("Asia/Irkutsk", "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00", 0);
        send("booking.BookingCancelled.v1", cancelled, "Asia/Irkutsk", "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00", 0);

        clock.set(Instant.parse("2026-11-30T01:59:00Z")); // 09:59 in Irkutsk
        reminders.sweep();
        assertThat(reminderMessages(irkutsk)).isEmpty();

        clock.set(Instant.parse("2026-11-30T02:00:00Z")); // 10:00 in Irkutsk, 04:00 in Kaliningrad
        reminders.sweep();
        assertThat(reminderMessages(irkutsk)).extracting(Message::role, Message::channel)
                .containsExactlyInAnyOrder(tuple(Role.GROUP_LEADER, Channel.EMAIL), tuple(Role.GROUP_LEADER, Channel.SMS));
        assertThat(reminderMessages(irkutsk)).allSatisfy(m -> assertThat(m.text()).contains("КПП №2"));
        assertThat(reminderMessages(kaliningrad)).isEmpty();

        clock.set(Instant.parse("2026-11-30T08:00:00Z")); // 10:00 in Kaliningrad
        reminders.sweep();
        reminders.sweep();
        assertThat(reminderMessages(kaliningrad)).hasSize(2);
        assertThat(reminderMessages(kaliningrad)).filteredOn(m -> m.channel() == Channel.EMAIL).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("1 декабря 2026, 09:00 (Калининград, UTC+2)"));
        assertThat(reminderMessages(irkutsk)).hasSize(2);
        assertThat(reminderMessages(cancelled)).isEmpty();
    }

    @Test
    void theOperatorIsRemindedOfAnIncompleteManifestTwoDaysBeforeTheDeadlineAtTenLocal() {
        String incomplete = book("Asia/Irkutsk", "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00", 20);
        String complete = book("Asia/Irkutsk", "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00", 28);

        clock.set(Instant.parse("2026-11-19T01:59:00Z"));
        reminders.sweep();
        assertThat(manifestReminders(incomplete)).isEmpty();

        clock.set(Instant.parse("2026-11-19T02:00:00Z")); // deadline 21 Nov 10:00 local, minus two days
        reminders.sweep();
        assertThat(manifestReminders(incomplete)).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(Role.OPERATOR);
            assertThat(m.recipient()).isEqualTo("booking@baikal-tour.example");
            assertThat(m.text()).contains("Внесены данные 20 из 28 участников. Срок подачи списка: 21 ноября 2026, 10:00 (Иркутск, UTC+8).");
        });
        assertThat(manifestReminders(complete)).isEmpty();
    }

    @Test
    void concurrentRoundsOfTheLockedTimerQueueEachReminderOnce() {
        String booking = book("Asia/Irkutsk", "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00", 0);
        clock.set(Instant.parse("2026-11-30T02:30:00Z"));

        List<CompletableFuture<Void>> rounds = List.of(CompletableFuture.runAsync(reminders::scheduled),
                CompletableFuture.runAsync(reminders::scheduled), CompletableFuture.runAsync(reminders::scheduled));
        rounds.forEach(CompletableFuture::join);

        assertThat(reminderMessages(booking)).hasSize(2);
        assertThat(mongo.exists(query(where("_id").is(Reminders.LOCK)), "shedLock")).isTrue();
    }

    private List<Message> reminderMessages(String bookingId) {
        return log.findByBooking(bookingId).stream().filter(m -> m.template().equals("reminder-day-before")).toList();
    }

    private List<Message> manifestReminders(String bookingId) {
        return log.findByBooking(bookingId).stream().filter(m -> m.template().equals("operator-manifest-reminder")).toList();
    }

    private String book(String zone, String start, String localStart, int visitorsNamed) {
        String bookingId = UUID.randomUUID().toString();
        send("booking.BookingConfirmed.v1", bookingId, zone, start, localStart, visitorsNamed);
        return bookingId;
    }

    private void send(String type, String bookingId, String zone, String start, String localStart, int visitorsNamed) {
        String json = Events.moved(Events.exampleJson(type), bookingId, "slot-" + bookingId, zone, start, localStart);
        if (visitorsNamed > 0) {
            json = json.replace("\"visitorsNamed\": 28", "\"visitorsNamed\": " + visitorsNamed);
        }
        else {
            json = json.replace("\"manifestLeadDays\": 10", "\"manifestLeadDays\": 0");
        }
        BookingEvent event = Events.JSON.readValue(json, Events.TYPES.get(type));
        notifications.handle(UUID.randomUUID().toString(), type, event, clock.instant());
    }
}
