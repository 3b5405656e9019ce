package ru.promtour.catalog.slot.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotService;
import ru.promtour.catalog.slot.ledger.ChangeResult;
import ru.promtour.catalog.slot.ledger.SlotChangeRequests;

/**
 * Slots and schedules of the calling enterprise's excursions. A change of capacity or status is decided by the
 * seat ledger: 200 with the slot once it applied it, 409 when it refused, 202 with the pending request when it
 * has not answered within {@code catalog.change-wait} (the change lands when it does).
 */
@RestController
class SlotController {

    private final SlotService slots;
    private final SlotChangeRequests changes;

    SlotController(SlotService slots, SlotChangeRequests changes) {
        this.slots = slots;
        this.changes = changes;
    }

    @PostMapping("/api/v1/excursions/{excursionId}/slots")
    ResponseEntity<SlotResponse> create(@PathVariable String excursionId,
                                        @Valid @RequestBody SlotRequests.CreateSlot request) {
        Slot slot = slots.create(excursionId, request.localStart(), request.capacity());
        return ResponseEntity.created(URI.create("/api/v1/slots/" + slot.id())).body(SlotResponse.of(slot));
    }

    @PostMapping("/api/v1/excursions/{excursionId}/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    SlotResponse.Schedule schedule(@PathVariable String excursionId, @Valid @RequestBody SlotRequests.Schedule request) {
        SlotService.ScheduleResult result = slots.schedule(excursionId, request.daysOfWeek(), request.times(),
                request.from(), request.to(), request.capacity());
        return new SlotResponse.Schedule(result.createdIds().size(), result.skipped(), result.createdIds());
    }

    @GetMapping("/api/v1/excursions/{excursionId}/slots")
    List<SlotResponse> list(@PathVariable String excursionId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return slots.list(excursionId, from, to).stream().map(SlotResponse::of).toList();
    }

    @GetMapping("/api/v1/slots/{id}")
    SlotResponse get(@PathVariable String id) {
        return SlotResponse.of(slots.get(id));
    }

    @PatchMapping("/api/v1/slots/{id}")
    ResponseEntity<Object> changeCapacity(@PathVariable String id, @Valid @RequestBody SlotRequests.Capacity request) {
        return answer(changes.changeCapacity(id, request.capacity()));
    }

    @PostMapping("/api/v1/slots/{id}/close")
    ResponseEntity<Object> close(@PathVariable String id, @Valid @RequestBody(required = false) SlotRequests.Close request) {
        return answer(changes.close(id, request == null ? null : request.reason()));
    }

    @PostMapping("/api/v1/slots/{id}/reopen")
    ResponseEntity<Object> reopen(@PathVariable String id) {
        return answer(changes.reopen(id));
    }

    @PostMapping("/api/v1/slots/{id}/cancel")
    ResponseEntity<Object> cancel(@PathVariable String id, @Valid @RequestBody SlotRequests.Cancel request) {
        return answer(changes.cancel(id, request.reason()));
    }

    private static ResponseEntity<Object> answer(ChangeResult result) {
        if (result instanceof ChangeResult.Pending pending) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/slots/" + pending.slot().id()))
                    .body(SlotResponse.PendingChange.of(pending));
        }
        return ResponseEntity.ok(SlotResponse.of(result.slot()));
    }
}
