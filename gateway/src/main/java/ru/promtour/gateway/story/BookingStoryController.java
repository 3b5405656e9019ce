package ru.promtour.gateway.story;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.observability.RequestIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/bookings/{bookingIdOrUuid}/story} (ADMIN: {@code /admin/**} in the access policy): every event
 * about a booking, from the services that own them, in time order, with the trace ids — where an investigation starts.
 * booking-service answers first (it resolves an OCTO uuid or a {@code PT-} reference to the booking id and has the
 * booking's state, outbox history and ledger entry); then notification-service, by that id, adds the messages and
 * webhook deliveries (and, for a leg of a route, the route's messages, kept under the route booking's id). Without
 * notification-service the booking's part is still answered, marked
 * {@code partial: true, unavailable: ["notification-service"]}.
 */
@RestController
class BookingStoryController {

    private static final Logger log = LoggerFactory.getLogger(BookingStoryController.class);
    static final String NOTIFICATION_SERVICE = "notification-service";

    private final ServiceStories services;
    private final JsonMapper json;
    private final Duration retryAfter;

    /** @param retryAfter what a failing service's 503 says, as for the routes (the breaker's open time) */
    BookingStoryController(ServiceStories services, JsonMapper json,
                           @Value("${platform.resilience.retry-after:10s}") Duration retryAfter) {
        this.services = services;
        this.json = json;
        this.retryAfter = retryAfter;
    }

    @GetMapping(path = "/admin/bookings/{bookingIdOrUuid}/story", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> story(@PathVariable String bookingIdOrUuid, ServerWebExchange exchange) {
        Identity caller = Identity.of(exchange);
        String requestId = RequestIds.of(exchange);
        String path = exchange.getRequest().getPath().value();
        return services.booking(bookingIdOrUuid, caller, requestId).flatMap(booking -> {
            if (booking.status() == 0) {
                ResponseEntity<Object> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE,
                        "booking-service, which owns the booking, cannot answer right now; try again shortly", path);
                return Mono.just(ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds())).body(unavailable.getBody()));
            }
            if (!booking.ok()) {
                return Mono.just(passOn(booking, path));
            }
            JsonNode part = json.readTree(booking.body());
            // a leg of a route: the route's own messages (the day plan to the group leader) are kept under its id
            String routeBookingId = part.path("routeBookingId").asString(null);
            Mono<List<ServiceStories.Part>> messages = Flux.concat(
                    services.notification(part.path("bookingId").asString(), caller, requestId),
                    routeBookingId == null ? Mono.<ServiceStories.Part>empty()
                            : services.notification(routeBookingId, caller, requestId))
                .collectList();
            return messages.map(parts -> ResponseEntity.ok((Object) merge(part, parts)));
        });
    }

    /** One story: the booking's summary, every trace id, every entry sorted by time, and what is missing. */
    private ObjectNode merge(JsonNode booking, List<ServiceStories.Part> notifications) {
        ObjectNode story = json.createObjectNode();
        for (String field : List.of("bookingId", "uuid", "supplierReference", "status")) {
            if (booking.hasNonNull(field)) {
                story.set(field, booking.get(field));
            }
        }
        Set<String> traceIds = new LinkedHashSet<>();
        booking.path("traceIds").forEach(id -> traceIds.add(id.asString()));
        List<JsonNode> events = new ArrayList<>();
        booking.path("events").forEach(events::add);
        boolean partial = false;
        for (ServiceStories.Part messages : notifications) {
            if (messages.ok()) {
                JsonNode part = json.readTree(messages.body());
                part.path("traceIds").forEach(id -> traceIds.add(id.asString()));
                part.path("events").forEach(events::add);
            }
            else if (messages.status() != 404) { // 404: no message about the booking yet, which is part of its story
                log.warn("The story of booking {} is partial: notification-service answered {}",
                        booking.path("bookingId").asString(), messages.status() == 0 ? "nothing" : messages.status());
                partial = true;
            }
        }
        ArrayNode ids = story.putArray("traceIds");
        traceIds.forEach(ids::add);
        story.put("traceId", traceIds.isEmpty() ? null : traceIds.iterator().next());
        ObjectNode summary = ((ObjectNode) booking.deepCopy());
        summary.remove(List.of("events", "traceIds"));
        story.set("booking", summary);
        events.sort(Comparator.comparing(BookingStoryController::at, Comparator.nullsLast(Comparator.naturalOrder())));
        story.putArray("events").addAll(events);
        if (partial) {
            story.put("partial", true);
            story.putArray("unavailable").add(NOTIFICATION_SERVICE);
        }
        return story;
    }

    private static Instant at(JsonNode event) {
        String at = event.path("at").asString(null);
        try {
            return at == null ? null : Instant.parse(at);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** booking-service's 4xx (400 malformed id, 404 unknown, 409 ambiguous uuid) as the gateway's problem. */
    private ResponseEntity<Object> passOn(ServiceStories.Part booking, String path) {
        HttpStatus status = HttpStatus.resolve(booking.status());
        String detail = "booking-service answered " + booking.status();
        try {
            String said = json.readTree(booking.body()).path("detail").asString(null);
            detail = said != null ? said : detail;
        }
        catch (RuntimeException ex) {
            // not JSON: keep the status alone
        }
        return problem(status != null ? status : HttpStatus.BAD_GATEWAY, detail, path);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
