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

/** Slots and schedules of the calling enterprise's excursions. */
@RestController
class SlotController {

    private final SlotService slots;

    SlotController(SlotService slots) {
        this.slots = slots;
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
    SlotResponse changeCapacity(@PathVariable String id, @Valid @RequestBody SlotRequests.Capacity request) {
        return SlotResponse.of(slots.changeCapacity(id, request.capacity()));
    }

    @PostMapping("/api/v1/slots/{id}/close")
    SlotResponse close(@PathVariable String id, @Valid @RequestBody(required = false) SlotRequests.Close request) {
        return SlotResponse.of(slots.close(id, request == null ? null : request.reason()));
    }

    @PostMapping("/api/v1/slots/{id}/reopen")
    SlotResponse reopen(@PathVariable String id) {
        return SlotResponse.of(slots.reopen(id));
    }

    @PostMapping("/api/v1/slots/{id}/cancel")
    SlotResponse cancel(@PathVariable String id, @Valid @RequestBody SlotRequests.Cancel request) {
        return SlotResponse.of(slots.cancel(id, request.reason()));
    }
}
