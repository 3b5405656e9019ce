package ru.promtour.notification.it;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.testdata.BookingKafka;
import ru.promtour.notification.testdata.DeliveryServers;

/**
 * Integration tests that send: GreenMail and the WireMock SMS provider (one pair for the JVM, reset before
 * each test), a booking-event producer, and the SMS breaker closed again before each test.
 */
abstract class DeliveryTestSupport {

    static final DeliveryServers SERVERS = new DeliveryServers().start();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @Autowired
    MessageLog log;
    @Autowired
    CircuitBreakerRegistry breakers;

    final BookingKafka kafka = new BookingKafka();

    @BeforeEach
    void resetServers() throws Exception {
        SERVERS.accept();
        SERVERS.mail.purgeEmailFromAllMailboxes();
        breakers.circuitBreaker("sms").reset();
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }
}
