package ru.promtour.booking;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static ru.promtour.test.web.ActuatorAssertions.assertActuatorContract;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
class BookingServiceApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void startsHealthyWithKafkaAndMongoAndExposesOnlyHealthInfoPrometheus() {
        assertActuatorContract("http://localhost:" + port, "kafka", "mongo");
    }
}
