package ru.promtour.booking.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.time.MutableClock;

import static org.awaitility.Awaitility.await;

/**
 * The one context every booking IT shares (so cached contexts never compete for the consumer groups): the
 * real broker and store, test tokens, a clock tests move, a fast expiry sweep; and a fake catalog per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"booking.expiry.interval=300ms"})
@ImportTestInfrastructure
@Import({TestSecurityConfiguration.class, BookingIT.Clocks.class})
public abstract class BookingIT {

    public static final String OPERATOR_NAME = "Байкал-Тур";
    public static final String OPERATOR_EMAIL = "booking@baikal-tour.example";

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoOperations mongo;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected SeatLedger seats;

    protected FakeCatalog catalog;
    protected String operatorId;
    protected BookingApi operator;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.system();
        }
    }

    @BeforeEach
    void startCatalog() {
        catalog = new FakeCatalog();
        operatorId = "op-" + UUID.randomUUID();
        // as the gateway mints it for an operator: with its registered name and email
        operator = new BookingApi("http://localhost:" + port, TestTokens.operator(operatorId, OPERATOR_NAME, OPERATOR_EMAIL));
    }

    @AfterEach
    void stopCatalog() {
        clock.reset();
        catalog.close();
    }

    /** Publishes the program and an open slot starting {@code in} from now, waits until the projection has both. */
    protected String slot(CatalogData.Program p, Duration in, int seats) {
        return slotAt(p, Instant.now().plus(in), seats);
    }

    /** Publishes the program and an open slot starting at {@code start}, waits until the projection has both. */
    protected String slotAt(CatalogData.Program p, Instant start, int seats) {
        String slotId = "slot-" + UUID.randomUUID();
        catalog.excursion(p);
        catalog.slot(slotId, p, start, seats);
        awaitProjection(p.excursionId(), slotId);
        return slotId;
    }

    protected void awaitProjection(String excursionId, String slotId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(excursionId, ExcursionView.class) != null
                && mongo.findById(slotId, SlotView.class) != null && seats.find(slotId).isPresent());
    }

    /** The slot's seat ledger as stored now. */
    protected Ledger ledger(String slotId) {
        return seats.find(slotId).orElseThrow();
    }

    /** Seats held plus sold on the slot, from its ledger. */
    protected int taken(String slotId) {
        Ledger l = ledger(slotId);
        return l.held() + l.confirmed();
    }

    protected BookingApi.Answer reserve(String json) {
        return operator.post("/octo/bookings", json);
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }
}
