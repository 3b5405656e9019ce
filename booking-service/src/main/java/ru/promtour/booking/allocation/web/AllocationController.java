package ru.promtour.booking.allocation.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.allocation.Allocation;
import ru.promtour.booking.allocation.AllocationRequest;
import ru.promtour.booking.allocation.Allocations;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

/**
 * {@code /api/v1/allocations}: an enterprise (or the admin) grants an operator seats on a slot or on a schedule of
 * its program until a release date, lists and withdraws them; an operator lists and reads those given to it.
 * Errors ({@link AllocationErrors}) are {@code application/problem+json}: 400 bad input, 403 an operator granting,
 * 404 unknown or not the caller's, 409 not enough free seats / the operator has an allocation on the slot / withdrawn
 * already.
 */
@RestController
@RequestMapping("/api/v1/allocations")
class AllocationController {

    private final Allocations allocations;
    private final CurrentTenant tenant;

    AllocationController(Allocations allocations, CurrentTenant tenant) {
        this.allocations = allocations;
        this.tenant = tenant;
    }

    @PostMapping
    ResponseEntity<AllocationResponse> create(@RequestBody(required = false) AllocationRequest request) {
        Tenant caller = tenant.get();
        if (caller.type() == TenantType.OPERATOR) {
            throw new AllocationForbidden();
        }
        Allocation a = allocations.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + a.id()))
                .body(AllocationResponse.of(a, allocations.use(a)));
    }

    @GetMapping
    List<AllocationResponse> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String slotId,
                                  @RequestParam(required = false) String operatorId) {
        return allocations.list(tenant.get(), status, slotId, operatorId).stream().map(AllocationResponse::of).toList();
    }

    @GetMapping("/{id}")
    AllocationResponse get(@PathVariable String id) {
        Allocation a = allocations.get(tenant.get(), id);
        return AllocationResponse.of(a, allocations.use(a));
    }

    /** Withdraws it now (the enterprise or the admin): its unbooked seats go back to free sale. */
    @DeleteMapping("/{id}")
    AllocationResponse withdraw(@PathVariable String id) {
        Allocation a = allocations.withdraw(tenant.get(), id);
        return AllocationResponse.of(a, allocations.use(a));
    }

    /** An operator asked to grant an allocation. */
    static final class AllocationForbidden extends RuntimeException {
    }
}
