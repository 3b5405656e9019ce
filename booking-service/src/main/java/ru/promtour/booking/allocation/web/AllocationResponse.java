package ru.promtour.booking.allocation.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import ru.promtour.booking.allocation.Allocation;
import ru.promtour.booking.allocation.Allocations;

/** An allocation as the API shows it; a single one also with each slot's ledger figures ({@code used}, {@code left}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AllocationResponse(String id, String enterpriseId, String operatorId, String excursionId, String slotId,
                          Allocation.Schedule schedule, int units, Instant releaseAt, String status, Instant createdAt,
                          Instant releasedAt, List<SlotResponse> slots) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SlotResponse(String slotId, Instant start, String status, int units, String reason, Integer used,
                        Integer left, Integer returned) {
    }

    static AllocationResponse of(Allocation a) {
        return with(a, a.slots().stream().map(g -> new SlotResponse(g.slotId(), g.start(), g.status(), g.units(),
                g.reason(), null, null, g.returned())).toList());
    }

    static AllocationResponse of(Allocation a, List<Allocations.SlotUse> use) {
        return with(a, use.stream().map(u -> new SlotResponse(u.grant().slotId(), u.grant().start(),
                u.released() && "GRANTED".equals(u.grant().status()) ? "RELEASED" : u.grant().status(), u.grant().units(),
                u.grant().reason(), u.used(), u.released() ? Integer.valueOf(0) : u.left(), u.grant().returned())).toList());
    }

    private static AllocationResponse with(Allocation a, List<SlotResponse> slots) {
        return new AllocationResponse(a.id(), a.enterpriseId(), a.operatorId(), a.excursionId(), a.slotId(), a.schedule(),
                a.units(), a.releaseAt(), a.status().name(), a.createdAt(), a.releasedAt(), slots);
    }
}
