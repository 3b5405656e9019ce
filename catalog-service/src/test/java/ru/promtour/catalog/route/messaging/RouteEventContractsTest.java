package ru.promtour.catalog.route.messaging;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RouteLeg;
import ru.promtour.catalog.route.RouteStatus;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer side of the route contracts: what we serialize matches contracts/<type>.schema.json. */
class RouteEventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RouteEvents events = new RouteEvents(JSON);
    private final Instant now = Instant.parse("2026-12-05T08:30:00.120Z");

    private final Route route = new Route("route-1", "Калуга промышленная", "RU-KLU", null, RouteStatus.ACTIVE,
            "Europe/Moscow", 1, List.of(
                    new RouteLeg(1, "exc-1", "ent-fruzhe", "Фруже", "ул. Производственная, 1", "Как рождается зефир",
                            "09:00", "12:00", 0, 90, "Проходная №1", 7, "INSTANT",
                            new ExcursionProgram.Rules("Халат", true, null, false, ExcursionProgram.Documents.NONE, 0, null)),
                    new RouteLeg(2, "exc-2", "ent-cheese", null, null, "Сыр", "13:00", "16:00", 40, 120, null, 0,
                            "ON_REQUEST", new ExcursionProgram.Rules(null, false, null, true,
                            ExcursionProgram.Documents.PASSPORT, 3, "Нет лифта"))),
            now, now);

    @Test
    void routeSavedMatchesItsSchemaAndCarriesTheLegsInOrder() {
        OutboxEvent event = events.saved(route, now);

        assertContract(event, RouteEvents.SAVED);
        JsonNode body = JSON.readTree(event.payload());
        assertThat(body.path("ownerOperatorId").isNull()).as("the admin's route: written, as null").isTrue();
        assertThat(body.path("legs").findValuesAsString("excursionId")).containsExactly("exc-1", "exc-2");
        assertThat(body.path("legs").path(1).path("transferMinutes").asInt()).isEqualTo(40);
        assertThat(body.path("legs").path(1).path("rules").path("documents").asString()).isEqualTo("PASSPORT");
        assertThat(body.path("at").asString()).isEqualTo("2026-12-05T08:30:00.120Z");
    }

    @Test
    void routeWithdrawnMatchesItsSchema() {
        Route withdrawn = new Route(route.id(), route.title(), route.region(), "op-1", RouteStatus.WITHDRAWN,
                route.timeZone(), 2, route.legs(), now, now);
        assertContract(events.withdrawn(withdrawn, now), RouteEvents.WITHDRAWN);
    }

    @Test
    void theExamplesMatchTheirOwnSchemasAndReadBackIntoTheEvents() {
        for (String type : List.of(RouteEvents.SAVED, RouteEvents.WITHDRAWN)) {
            Contracts.assertMatchesSchema(type, Contracts.example(type));
        }
        RouteSaved example = JSON.readValue(Contracts.example(RouteEvents.SAVED), RouteSaved.class);
        assertThat(example.legs()).extracting(RouteSaved.Leg::position).containsExactly(1, 2);
    }

    private static void assertContract(OutboxEvent event, String type) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.topic()).isEqualTo("catalog.excursions.v1");
        assertThat(event.key()).isEqualTo("route-1");
        assertThat(event.subject()).isEqualTo("route-1");
        Contracts.assertMatchesSchema(type, event.payload());
    }
}
