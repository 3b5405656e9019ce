package ru.promtour.booking.catalog;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.booking.catalog.messaging.CatalogEvents;
import ru.promtour.booking.catalog.messaging.CatalogListener;
import ru.promtour.booking.catalog.messaging.ExcursionChanged;
import ru.promtour.booking.catalog.messaging.SlotChanged;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection on the real store: an older or repeated catalog event never overwrites a newer copy. */
class CatalogProjectionIT extends BookingIT {

    @Autowired
    CatalogListener listener;
    @Autowired
    CatalogProjection projection;

    private static SlotChanged slot(String id, String status, int capacity, long version) {
        return new SlotChanged(id, "exc-1", "ent-1", Instant.parse("2026-12-01T02:00:00Z"), "Asia/Irkutsk",
                "2026-12-01T10:00:00+08:00", Instant.parse("2026-12-01T00:00:00Z"), capacity, capacity, status, version,
                Instant.now(), null, null, null, null);
    }

    @Test
    void lateAndRepeatedSlotEventsChangeNothing() {
        String id = "slot-" + UUID.randomUUID();
        listener.apply(CatalogEvents.SLOT_PUBLISHED, slot(id, "OPEN", 40, 1));
        listener.apply(CatalogEvents.SLOT_CLOSED, slot(id, "CLOSED", 40, 3));
        listener.apply(CatalogEvents.SLOT_CAPACITY_CHANGED, slot(id, "OPEN", 50, 2));
        listener.apply(CatalogEvents.SLOT_CLOSED, slot(id, "OPEN", 60, 3));

        SlotView view = projection.slot(id).orElseThrow();
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.capacity()).isEqualTo(40);
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void anOlderProgramNeverReplacesANewerOneAndUnpublishingKeepsIt() {
        CatalogData.Program p = CatalogData.Program.instant("Europe/Moscow");
        ExcursionChanged v2 = BookingApi.JSON.readValue(p.json(2), ExcursionChanged.class);
        ExcursionChanged v1 = BookingApi.JSON.readValue(p.cutoffs(9, 9).json(1), ExcursionChanged.class);
        listener.apply(CatalogEvents.EXCURSION_UPDATED, v2);
        listener.apply(CatalogEvents.EXCURSION_PUBLISHED, v1);
        assertThat(projection.excursion(p.excursionId()).orElseThrow().program().bookingCutoffHours()).isEqualTo(2);

        listener.apply(CatalogEvents.EXCURSION_UNPUBLISHED,
                new ExcursionChanged(p.excursionId(), p.enterpriseId(), 3, Instant.now(), null));
        listener.apply(CatalogEvents.EXCURSION_UPDATED, v2);
        ExcursionView view = projection.excursion(p.excursionId()).orElseThrow();
        assertThat(view.published()).isFalse();
        assertThat(view.program().bookingCutoffHours()).as("the program stays for existing bookings").isEqualTo(2);
    }
}
