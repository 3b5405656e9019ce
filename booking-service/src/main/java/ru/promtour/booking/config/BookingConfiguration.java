package ru.promtour.booking.config;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import com.mongodb.client.model.Filters;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.route.RouteBooking;
import ru.promtour.messaging.metrics.SummedFields;
import ru.promtour.messaging.outbox.OutboxCollections;

/** Wiring of the booking service: the clock tests control, the outbox collections, the seat gauges, the sweepers' lock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BookingProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "${booking.expiry.lock-at-most-for:1m}")
class BookingConfiguration {

    /** Every "now" of the lifecycle comes from here, so tests move time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxCollections bookingOutboxCollections() {
        return OutboxCollections.of(Booking.COLLECTION, Ledger.COLLECTION, RouteBooking.COLLECTION);
    }

    /**
     * {@code seats.held} and {@code seats.sold}: the seats held and sold on every ledger of a visit still to come that
     * is not cancelled, summed by the messaging library's poller (one aggregation per poll, never per scrape).
     */
    @Bean
    SummedFields seatGauges(MongoOperations mongo, Clock clock) {
        return new SummedFields(mongo, Ledger.COLLECTION,
                () -> Filters.and(Filters.gt("start", Date.from(clock.instant())), Filters.ne("status", "CANCELLED")),
                Map.of("seats.held", "held", "seats.sold", "confirmed"));
    }

    /** Locks live in the service's own database (collection {@code shedLock}), so only one instance sweeps. */
    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }
}
