package ru.promtour.booking.catalog.messaging;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Consumer side of the contracts: the booking service reads every catalog example it depends on. */
class CatalogEventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheExcursionEvents() {
        for (String type : new String[] {CatalogEvents.EXCURSION_PUBLISHED, CatalogEvents.EXCURSION_UPDATED}) {
            ExcursionChanged e = JSON.readValue(Contracts.example(type), ExcursionChanged.class);
            assertThat(e.excursionId()).isNotBlank();
            assertThat(e.version()).isPositive();
            assertThat(e.excursion().enterprise().timeZone()).isNotBlank();
            assertThat(e.excursion().units()).isNotEmpty().allSatisfy(u -> assertThat(u.id()).isNotBlank());
            assertThat(e.excursion().bookingMode()).isIn("INSTANT", "ON_REQUEST");
            assertThat(e.excursion().rules().documents()).isNotBlank();
        }
        ExcursionChanged unpublished = JSON.readValue(Contracts.example(CatalogEvents.EXCURSION_UNPUBLISHED), ExcursionChanged.class);
        assertThat(unpublished.excursion()).isNull();
        assertThat(unpublished.version()).isPositive();
    }

    @Test
    void readsTheSlotEvents() {
        for (String type : new String[] {CatalogEvents.SLOT_PUBLISHED, CatalogEvents.SLOT_CAPACITY_CHANGED,
                CatalogEvents.SLOT_CLOSED, CatalogEvents.SLOT_REOPENED, CatalogEvents.SLOT_CANCELLED,
                CatalogEvents.SLOT_CUTOFF_CHANGED}) {
            SlotChanged e = JSON.readValue(Contracts.example(type), SlotChanged.class);
            assertThat(e.slotId()).as(type).isNotBlank();
            assertThat(e.enterpriseId()).isNotBlank();
            assertThat(e.start()).isBefore(Instant.parse("2100-01-01T00:00:00Z"));
            assertThat(e.timeZone()).isNotBlank();
            assertThat(e.status()).isIn("OPEN", "CLOSED", "CANCELLED");
        }
        // the ledger opens with the published cut-off and moves it to the changed one: never recomputed here
        for (String type : new String[] {CatalogEvents.SLOT_PUBLISHED, CatalogEvents.SLOT_CUTOFF_CHANGED}) {
            SlotChanged e = JSON.readValue(Contracts.example(type), SlotChanged.class);
            assertThat(e.cutoffAt()).as(type).isNotNull().isBeforeOrEqualTo(e.start());
        }
        SlotChanged cancelled = JSON.readValue(Contracts.example(CatalogEvents.SLOT_CANCELLED), SlotChanged.class);
        assertThat(cancelled.reason()).isNotBlank();
        assertThat(cancelled.allDay()).isNull();
    }

    @Test
    void readsTheOpeningHoursOfADaySlot() {
        SlotChanged day = JSON.readValue(Contracts.example(CatalogEvents.SLOT_CUTOFF_CHANGED), SlotChanged.class);
        assertThat(day.allDay()).isTrue();
        assertThat(day.openingHours()).extracting(SlotView.OpeningRange::from, SlotView.OpeningRange::to)
                .containsExactly(tuple("10:00", "13:00"), tuple("14:00", "18:00"));
    }

    @Test
    void readsTheSlotChangeRequests() {
        SlotChangeRequested r = JSON.readValue(Contracts.example(CatalogEvents.SLOT_CHANGE_REQUESTED), SlotChangeRequested.class);
        assertThat(r.slotId()).isNotBlank();
        assertThat(r.requestId()).isNotBlank();
        assertThat(r.change()).isIn("CAPACITY", "CLOSE", "REOPEN", "CANCEL");
        assertThat(r.capacity()).isNotNull();
    }
}
