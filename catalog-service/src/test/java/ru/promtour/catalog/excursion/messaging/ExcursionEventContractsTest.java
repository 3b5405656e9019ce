package ru.promtour.catalog.excursion.messaging;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionStatus;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer side of the excursion contracts: what we serialize matches contracts/<type>.schema.json. */
class ExcursionEventContractsTest {

    private final ExcursionEvents events = new ExcursionEvents(JsonMapper.builder().build());
    private final Instant now = Instant.parse("2026-11-20T09:15:00.123Z");

    private final Enterprise enterprise = new Enterprise("ent-fruzhe", "Фруже", "ООО «Натуральный продукт»", "RU-KLU",
            "Калуга", null, null, "CONFECTIONERY", "Europe/Moscow", null, null, EnterpriseStatus.ACTIVE, now, now);

    private final Excursion excursion = new Excursion("exc-1", "ent-fruzhe", ExcursionStatus.PUBLISHED, 2,
            new ExcursionProgram("Как рождается зефир", "How marshmallow is made", "…", null, 90, List.of("ru", "en"), 7,
                    ExcursionProgram.BookingMode.ON_REQUEST, "Проходная №1",
                    new ExcursionProgram.Rules("Халат", true, null, false,
                            ExcursionProgram.Documents.PASSPORT_AND_BIRTH_CERTIFICATE, 10, "Нет лифта"),
                    List.of(new ExcursionProgram.Unit("adult", ExcursionProgram.UnitType.ADULT, null, null, 80000, null),
                            new ExcursionProgram.Unit("child", ExcursionProgram.UnitType.CHILD, 7, 17, 50000, 10)),
                    1, 40, 2, 24),
            now, now, now);

    @Test
    void excursionPublishedMatchesItsSchema() {
        assertContract(events.published(excursion, enterprise, now), ExcursionEvents.PUBLISHED);
    }

    @Test
    void excursionUpdatedMatchesItsSchema() {
        assertContract(events.updated(excursion, enterprise, now), ExcursionEvents.UPDATED);
    }

    @Test
    void excursionEventsCarryTheEnterprisesIndustry() {
        assertThat(events.published(excursion, enterprise, now).payload()).contains("\"industry\":\"CONFECTIONERY\"");
        assertThat(events.updated(excursion, enterprise, now).payload()).contains("\"industry\":\"CONFECTIONERY\"");
    }

    @Test
    void excursionUnpublishedMatchesItsSchema() {
        assertContract(events.unpublished(excursion, now), ExcursionEvents.UNPUBLISHED);
    }

    @Test
    void theExamplesMatchTheirOwnSchemas() {
        for (String type : List.of(ExcursionEvents.PUBLISHED, ExcursionEvents.UPDATED, ExcursionEvents.UNPUBLISHED)) {
            Contracts.assertMatchesSchema(type, Contracts.example(type));
        }
    }

    private static void assertContract(OutboxEvent event, String type) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.topic()).isEqualTo("catalog.excursions.v1");
        assertThat(event.key()).isEqualTo("exc-1");
        Contracts.assertMatchesSchema(type, event.payload());
    }
}
