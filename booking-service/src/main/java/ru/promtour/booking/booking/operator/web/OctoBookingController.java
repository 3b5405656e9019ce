package ru.promtour.booking.booking.operator.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.operator.ConfirmCommand;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.booking.booking.operator.UpdateCommand;
import ru.promtour.booking.route.RouteBooking;
import ru.promtour.booking.route.RouteBookings;
import ru.promtour.logging.LogFields;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;

/**
 * OCTO bookings for operators ({@code /octo/bookings}, the spec's paths with and without the trailing
 * slash). A booking belongs to the operator that made it: another operator's uuid is INVALID_BOOKING_UUID,
 * exactly like an unknown one.
 */
@RestController
@RequestMapping(path = "/octo/bookings", produces = MediaType.APPLICATION_JSON_VALUE)
class OctoBookingController {

    private final OperatorBookings bookings;
    private final RouteBookings routes;
    private final ReserveAdmission admission;
    private final ReserveOutcomes outcomes;
    private final OctoBookings octo;
    private final CurrentTenant tenant;

    OctoBookingController(OperatorBookings bookings, RouteBookings routes, OctoBookings octo, CurrentTenant tenant,
                          ReserveAdmission admission, ReserveOutcomes outcomes) {
        this.bookings = bookings;
        this.outcomes = outcomes;
        this.routes = routes;
        this.admission = admission;
        this.octo = octo;
        this.tenant = tenant;
    }

    @PostMapping({"", "/"})
    OctoBooking reserve(@RequestBody(required = false) ReserveCommand body) {
        Tenant caller = tenant.get();
        Booking.Operator operator = new Booking.Operator(caller.id(), caller.name(), caller.email());
        String uuid = body == null ? null : body.uuid();
        // the id the booking will have (a request without uuid gets one drawn inside, and no id in its lines)
        try (LogFields.MdcScope ignored = LogFields.booking(uuid == null || uuid.isBlank()
                ? null : OperatorBookings.bookingId(caller.id(), uuid))) {
            if (body != null && routes.isRoute(body.productId())) {
                // a route product: its legs are reserved one by one, each through the ledger's own guard
                return route(outcomes.count(() -> admission.admit(body.availabilityId(), () -> false,
                        () -> routes.reserve(operator, body)), r -> ReserveOutcomes.ofStatus(r.status().name())));
            }
            // a sold-out answer costs no store write: it needs no admission, and a race's losers are not refused
            return octo.of(outcomes.count(() -> admission.admit(body == null ? null : body.availabilityId(),
                    () -> bookings.knownSoldOut(body), () -> bookings.reserve(operator, body)),
                    b -> ReserveOutcomes.ofStatus(b.status().name())));
        }
    }

    @GetMapping({"", "/"})
    List<OctoBooking> list(@RequestParam(required = false) String resellerReference,
                           @RequestParam(required = false) String supplierReference,
                           @RequestParam(required = false) String localDate,
                           @RequestParam(required = false) String localDateStart,
                           @RequestParam(required = false) String localDateEnd) {
        return bookings.list(operator(), resellerReference, supplierReference, localDate, localDateStart, localDateEnd)
                .stream().map(octo::of).toList();
    }

    @GetMapping("/{uuid}")
    OctoBooking get(@PathVariable String uuid) {
        return orRoute(() -> octo.of(bookings.get(operator(), uuid)), () -> route(routes.get(operator(), uuid)));
    }

    @PostMapping("/{uuid}/confirm")
    OctoBooking confirm(@PathVariable String uuid, @RequestBody(required = false) ConfirmCommand body) {
        return orRoute(() -> octo.of(bookings.confirm(operator(), uuid, body)),
                () -> route(routes.confirm(operator(), uuid, body)));
    }

    @PostMapping("/{uuid}/extend")
    OctoBooking extend(@PathVariable String uuid, @RequestBody(required = false) ExtendBody body) {
        Integer minutes = body == null ? null : body.expirationMinutes();
        return orRoute(() -> octo.of(bookings.extend(operator(), uuid, minutes)),
                () -> route(routes.extend(operator(), uuid, minutes)));
    }

    @PostMapping("/{uuid}/cancel")
    OctoBooking cancel(@PathVariable String uuid, @RequestBody(required = false) CancelBody body) {
        String reason = body == null ? null : body.reason();
        return orRoute(() -> octo.of(bookings.cancel(operator(), uuid, reason)),
                () -> route(routes.cancel(operator(), uuid, reason)));
    }

    @PatchMapping("/{uuid}")
    OctoBooking update(@PathVariable String uuid, @RequestBody(required = false) UpdateCommand body) {
        return orRoute(() -> octo.of(bookings.update(operator(), uuid, body)), () -> {
            routes.get(operator(), uuid);
            throw BookingRefusal.unprocessable("A route booking cannot be changed; cancel it and book the route again");
        });
    }

    /**
     * A uuid that names no booking of the caller may name one of its route bookings (those live beside the bookings,
     * found only when the booking is not): unknown to both stays INVALID_BOOKING_UUID.
     */
    private static OctoBooking orRoute(Supplier<OctoBooking> booking, Supplier<OctoBooking> route) {
        try {
            return booking.get();
        }
        catch (BookingRefusal ex) {
            if (ex.code() != BookingRefusal.Code.INVALID_BOOKING_UUID) {
                throw ex;
            }
            return route.get();
        }
    }

    private OctoBooking route(RouteBooking r) {
        return octo.of(r, routes.legs(r));
    }

    private String operator() {
        return tenant.get().id();
    }

    /** OCTO's {@code ExtendReservationBody}. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ExtendBody(Integer expirationMinutes) {
    }

    /** OCTO's {@code BookingCancellationBody}; {@code force} is accepted and ignored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CancelBody(String reason, Boolean force) {
    }
}
