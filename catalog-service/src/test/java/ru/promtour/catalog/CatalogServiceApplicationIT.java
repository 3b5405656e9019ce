package ru.promtour.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static ru.promtour.test.web.ActuatorAssertions.assertActuatorContract;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class CatalogServiceApplicationIT {

    @LocalManagementPort
    int managementPort;

    @Test
    void startsHealthyWithKafkaAndMongoAndExposesOnlyHealthInfoPrometheus() {
        // the actuator is on the management port; the health components only for the admin
        assertActuatorContract(TestHttp.at("http://127.0.0.1:" + managementPort).withToken(TestTokens.admin()), "kafka", "mongo");
    }
}
