package ru.promtour.reporting.settlement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.promtour.reporting.ReportingTest;
import ru.promtour.reporting.projection.ProjectionStore;
import ru.promtour.reporting.testdata.ReportingKafka;

/** What every settlement IT starts from: the shared context, a producer of the catalog's and booking's events, the fixture. */
@ReportingTest
abstract class SettlementITSupport {

    @Autowired
    ProjectionStore store;
    @LocalServerPort
    int port;

    final ReportingKafka kafka = new ReportingKafka();
    SettlementFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new SettlementFixture(kafka, store, port);
    }

    @AfterEach
    void close() {
        kafka.close();
    }
}
