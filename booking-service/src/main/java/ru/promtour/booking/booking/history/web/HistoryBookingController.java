package ru.promtour.booking.booking.history.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.booking.history.HistoryBookings;
import ru.promtour.booking.booking.history.PastBooking;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

/**
 * {@code POST /api/v1/bookings/history}: the admin imports up to 500 bookings of a previous registry (issue 18).
 * 201 with each booking's outcome in the order asked: CREATED, EXISTING (a repeat: the stored booking, no event) or
 * REFUSED (the ledger refused the seats after the checks: {@code reason}); 400 naming each invalid field, nothing
 * written; 403 for anyone but the admin.
 */
@RestController
class HistoryBookingController {

    static final String PATH = "/api/v1/bookings/history";

    private final HistoryBookings history;

    HistoryBookingController(HistoryBookings history) {
        this.history = history;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    Response importBookings(@Valid @RequestBody Request request) {
        List<HistoryBookings.Imported> imported = history.importBookings(request.bookings());
        return new Response(count(imported, HistoryBookings.Status.CREATED), count(imported, HistoryBookings.Status.EXISTING),
                count(imported, HistoryBookings.Status.REFUSED), imported.stream().map(ImportedBooking::of).toList());
    }

    private static int count(List<HistoryBookings.Imported> imported, HistoryBookings.Status status) {
        return (int) imported.stream().filter(i -> i.status() == status).count();
    }

    /** Up to 500 bookings per call; each is checked by {@link HistoryBookings} (fields named {@code bookings[i].…}). */
    record Request(@NotEmpty @Size(max = 500) List<PastBooking> bookings) {
    }

    record Response(int created, int existing, int refused, List<ImportedBooking> bookings) {
    }

    /** @param status CREATED, EXISTING or REFUSED ({@code reason}: SOLD_OUT, SLOT_CANCELLED, UUID_REUSED, ...) */
    record ImportedBooking(String uuid, String operatorId, String bookingId, String supplierReference, String status,
                           String reason) {

        static ImportedBooking of(HistoryBookings.Imported i) {
            return new ImportedBooking(i.uuid(), i.operatorId(), i.bookingId(), i.supplierReference(), i.status().name(),
                    i.reason());
        }
    }

    /** The import writes what no enterprise or operator could: the admin's alone (the gateway lets enterprises by). */
    @Configuration(proxyBeanMethods = false)
    static class HistoryAccess {

        @Bean
        AuthorizationRulesCustomizer historyBookingRules() {
            return rules -> rules.requestMatchers(HttpMethod.POST, PATH).hasRole(TenantType.ADMIN.name());
        }
    }
}
