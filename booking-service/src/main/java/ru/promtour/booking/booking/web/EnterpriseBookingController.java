package ru.promtour.booking.booking.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.booking.approval.EnterpriseApprovals;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;

/**
 * The enterprise's view of the bookings on its slots ({@code /api/v1/bookings}): list, look up, and decide
 * on groups at on-request sites. Only the enterprise owning the slot (or the admin) sees a booking; anyone
 * else gets 404 as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/bookings")
class EnterpriseBookingController {

    private final EnterpriseApprovals bookings;
    private final CurrentTenant tenant;

    EnterpriseBookingController(EnterpriseApprovals bookings, CurrentTenant tenant) {
        this.bookings = bookings;
        this.tenant = tenant;
    }

    @GetMapping
    List<EnterpriseBooking> list(@RequestParam(required = false) String status,
                                 @RequestParam(required = false) String slotId) {
        return bookings.forEnterprise(scope(), status, slotId).stream().map(EnterpriseBooking::of).toList();
    }

    @GetMapping("/{id}")
    EnterpriseBooking get(@PathVariable String id) {
        return EnterpriseBooking.of(bookings.ofEnterprise(scope(), id));
    }

    @PostMapping("/{id}/approve")
    EnterpriseBooking approve(@PathVariable String id) {
        return EnterpriseBooking.of(bookings.approve(scope(), id));
    }

    @PostMapping("/{id}/decline")
    EnterpriseBooking decline(@PathVariable String id, @RequestBody(required = false) DeclineBody body) {
        return EnterpriseBooking.of(bookings.decline(scope(), id, body == null ? null : body.reason()));
    }

    /** The enterprise whose slots the caller may see; null for the admin (all of them). */
    private String scope() {
        Tenant caller = tenant.get();
        return caller.isAdmin() ? null : caller.id();
    }

    /** Why the group is declined; told to the operator and the group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeclineBody(String reason) {
    }
}
