package ru.promtour.catalog.slot.history.web;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.catalog.slot.history.HistorySlots;

/**
 * {@code POST /api/v1/excursions/{excursionId}/history-slots}: past slots of a published program (admin only, the
 * rule is in {@code CatalogConfiguration}). 201 with every requested start's slot id, created now or already there.
 */
@RestController
class HistorySlotController {

    private final HistorySlots history;

    HistorySlotController(HistorySlots history) {
        this.history = history;
    }

    @PostMapping("/api/v1/excursions/{excursionId}/history-slots")
    @ResponseStatus(HttpStatus.CREATED)
    Response importSlots(@PathVariable String excursionId, @Valid @RequestBody Request request) {
        List<HistorySlots.Imported> imported = history.importSlots(excursionId, request.slots().stream()
                .map(s -> new HistorySlots.PastSlot(s.localStart(), s.capacity())).toList());
        int created = (int) imported.stream().filter(HistorySlots.Imported::created).count();
        return new Response(created, imported.size() - created, imported.stream()
                .map(i -> new ImportedSlot(i.localStart(), i.slotId(), i.created() ? "CREATED" : "EXISTING")).toList());
    }

    /** Up to 500 past starts (local time of the enterprise's zone) per call. */
    record Request(@NotEmpty @Size(max = 500) List<@NotNull @Valid PastSlot> slots) {
    }

    /** Capacity as for any slot. */
    record PastSlot(@NotNull LocalDateTime localStart, @NotNull @Min(1) @Max(10000) Integer capacity) {
    }

    /** {@code slots} in the order asked; {@code existing}: starts that already had a slot (nothing written). */
    record Response(int created, int existing, List<ImportedSlot> slots) {
    }

    /** @param status {@code CREATED} by this call or {@code EXISTING} */
    record ImportedSlot(LocalDateTime localStart, String slotId, String status) {
    }
}
