package ru.promtour.booking.booking.operator.web;

import java.util.List;

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
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.operator.ConfirmCommand;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.booking.booking.operator.UpdateCommand;
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
    private final ReserveAdmission admission;
    private final OctoBookings octo;
    private final CurrentTenant tenant;

    OctoBookingController(OperatorBookings bookings, OctoBookings octo, CurrentTenant tenant, ReserveAdmission admission) {
        this.bookings = bookings;
        this.admission = admission;
        this.octo = octo;
        this.tenant = tenant;
    }

    @PostMapping({"", "/"})
    OctoBooking reserve(@RequestBody(required = false) ReserveCommand body) {
        Tenant caller = tenant.get();
        Booking.Operator operator = new Booking.Operator(caller.id(), caller.name(), caller.email());
        // a sold-out answer costs no store write: it needs no admission, and a race's losers are not refused
        return octo.of(admission.admit(body == null ? null : body.availabilityId(), () -> bookings.knownSoldOut(body),
                () -> bookings.reserve(operator, body)));
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
        return octo.of(bookings.get(operator(), uuid));
    }

    @PostMapping("/{uuid}/confirm")
    OctoBooking confirm(@PathVariable String uuid, @RequestBody(required = false) ConfirmCommand body) {
        return octo.of(bookings.confirm(operator(), uuid, body));
    }

    @PostMapping("/{uuid}/extend")
    OctoBooking extend(@PathVariable String uuid, @RequestBody(required = false) ExtendBody body) {
        return octo.of(bookings.extend(operator(), uuid, body == null ? null : body.expirationMinutes()));
    }

    @PostMapping("/{uuid}/cancel")
    OctoBooking cancel(@PathVariable String uuid, @RequestBody(required = false) CancelBody body) {
        return octo.of(bookings.cancel(operator(), uuid, body == null ? null : body.reason()));
    }

    @PatchMapping("/{uuid}")
    OctoBooking update(@PathVariable String uuid, @RequestBody(required = false) UpdateCommand body) {
        return octo.of(bookings.update(operator(), uuid, body));
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
