package ru.promtour.booking.booking.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.booking.noshow.NoShows;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;

/**
 * The enterprise marks a confirmed group of its slot that did not come ({@code POST /api/v1/bookings/{id}/no-show});
 * like the rest of the enterprise API, another enterprise's booking answers 404 as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/bookings")
class NoShowController {

    private final NoShows noShows;
    private final CurrentTenant tenant;

    NoShowController(NoShows noShows, CurrentTenant tenant) {
        this.noShows = noShows;
        this.tenant = tenant;
    }

    @PostMapping("/{id}/no-show")
    EnterpriseBooking mark(@PathVariable String id, @RequestBody NoShowBody body) {
        Tenant caller = tenant.get();
        return EnterpriseBooking.of(noShows.mark(caller.isAdmin() ? null : caller.id(), id, body.cause(), body.note(),
                caller.subject()));
    }

    /**
     * @param cause NOT_ARRIVED, LATE, REFUSED_ADMISSION or OTHER
     * @param note  optional free text (at most 500 characters)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NoShowBody(String cause, String note) {
    }
}
