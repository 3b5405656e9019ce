package ru.promtour.notification.testdata;

import java.util.LinkedHashMap;
import java.util.Map;

import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.notification.event.BookingApproved;
import ru.promtour.notification.event.BookingCancelled;
import ru.promtour.notification.event.BookingConfirmed;
import ru.promtour.notification.event.BookingDeclined;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.BookingExpired;
import ru.promtour.notification.event.BookingPendingApproval;
import ru.promtour.notification.event.BookingUpdated;
import ru.promtour.notification.event.ManifestIncomplete;
import ru.promtour.notification.event.RouteCancelled;
import ru.promtour.notification.event.RouteConfirmed;
import ru.promtour.notification.event.RouteEvent;
import ru.promtour.notification.event.WaitlistOffered;
import ru.promtour.notification.event.Visit;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.json.JsonMapper;

/** The contract examples read through this service's own event classes (test-data mother). */
public final class Events {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** ce_type → class, as the listener registers them. */
    public static final Map<String, Class<? extends BookingEvent>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("booking.BookingConfirmed.v1", BookingConfirmed.class);
        TYPES.put("booking.BookingPendingApproval.v1", BookingPendingApproval.class);
        TYPES.put("booking.BookingApproved.v1", BookingApproved.class);
        TYPES.put("booking.BookingDeclined.v1", BookingDeclined.class);
        TYPES.put("booking.BookingUpdated.v1", BookingUpdated.class);
        TYPES.put("booking.BookingCancelled.v1", BookingCancelled.class);
        TYPES.put("booking.BookingExpired.v1", BookingExpired.class);
        TYPES.put("booking.ManifestIncomplete.v1", ManifestIncomplete.class);
        TYPES.put("booking.WaitlistOffered.v1", WaitlistOffered.class);
    }

    /** ce_type → class of the route events (issue 16), as the listener registers them. */
    public static final Map<String, Class<? extends RouteEvent>> ROUTE_TYPES = new LinkedHashMap<>();

    static {
        ROUTE_TYPES.put("booking.RouteConfirmed.v1", RouteConfirmed.class);
        ROUTE_TYPES.put("booking.RouteCancelled.v1", RouteCancelled.class);
    }

    private Events() {
    }

    /** The example of a type as JSON text. */
    public static String exampleJson(String type) {
        return Contracts.example(type);
    }

    /** The example of a type read into its event class. */
    public static BookingEvent example(String type) {
        return JSON.readValue(Contracts.example(type), TYPES.get(type));
    }

    /** The example of a route type read into its event class. */
    public static RouteEvent route(String type) {
        return JSON.readValue(Contracts.example(type), ROUTE_TYPES.get(type));
    }

    /** The example's JSON with the group leader's locale replaced. */
    public static String withLocale(String json, String locale) {
        return json.replace("\"locale\": \"ru\"", "\"locale\": \"" + locale + "\"");
    }

    /** The example's JSON moved to another booking, slot, zone and start. */
    public static String moved(String json, String bookingId, String slotId, String timeZone, String startUtc, String localStart) {
        return json.replace("6f1c2a4e-8d1b-4c7e-9a51-2b7d0e3f9a10", bookingId)
                .replaceAll("\"slotId\": \"[^\"]+\"", "\"slotId\": \"" + slotId + "\"")
                .replace("\"Asia/Irkutsk\"", "\"" + timeZone + "\"")
                .replace("\"start\": \"2026-12-01T02:00:00Z\"", "\"start\": \"" + startUtc + "\"")
                .replace("\"localStart\": \"2026-12-01T10:00:00+08:00\"", "\"localStart\": \"" + localStart + "\"");
    }

    /** The registry the listener contributes. */
    public static EventTypes eventTypes() {
        EventTypes.Builder builder = EventTypes.builder();
        TYPES.forEach(builder::add);
        ROUTE_TYPES.forEach(builder::add);
        return builder.build();
    }

    /** The visit of the BookingConfirmed example. */
    public static Visit visit() {
        return example("booking.BookingConfirmed.v1").visit();
    }
}
