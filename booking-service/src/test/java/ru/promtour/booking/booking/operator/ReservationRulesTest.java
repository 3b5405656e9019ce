package ru.promtour.booking.booking.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.catalog.Program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationRulesTest {

    private static final Program SCHOOL = new Program(new Program.Text("Завод", null),
            new Program.EnterpriseInfo("ent", "Завод", null, "адрес", "Europe/Moscow", null, null), 90, "INSTANT", "КПП",
            null, List.of(new Program.Unit("adult", "ADULT", 18, null, null), new Program.Unit("child", "CHILD", 7, 17, null),
            new Program.Unit("acc", "ACCOMPANYING_ADULT", 18, null, 10)), 2, 30, 2, 24);

    private static List<UnitItem> group(int adults, int children, int accompanying) {
        List<UnitItem> items = new ArrayList<>();
        for (int i = 0; i < adults; i++) {
            items.add(new UnitItem("a" + i, "adult", "ADULT", null, null, null));
        }
        for (int i = 0; i < children; i++) {
            items.add(new UnitItem("c" + i, "child", "CHILD", null, null, null));
        }
        for (int i = 0; i < accompanying; i++) {
            items.add(new UnitItem("x" + i, "acc", "ACCOMPANYING_ADULT", null, null, null));
        }
        return items;
    }

    @Test
    void oneFreeAccompanyingAdultPerTenChildrenRoundedUp() {
        assertThatNoException().isThrownBy(() -> ReservationRules.checkGroup(group(0, 25, 3), SCHOOL));
        assertThatNoException().isThrownBy(() -> ReservationRules.checkGroup(group(2, 25, 3), SCHOOL));
        assertThatThrownBy(() -> ReservationRules.checkGroup(group(0, 25, 4), SCHOOL))
                .hasMessageContaining("at most 3 accompanying adults");
        assertThatThrownBy(() -> ReservationRules.checkGroup(group(0, 0, 2), SCHOOL))
                .hasMessageContaining("with children only");
    }

    @Test
    void childrenAreNeverBookedAlone() {
        assertThatThrownBy(() -> ReservationRules.checkGroup(group(0, 5, 0), SCHOOL))
                .isInstanceOf(BookingRefusal.class)
                .satisfies(ex -> assertThat(((BookingRefusal) ex).code()).isEqualTo(BookingRefusal.Code.UNPROCESSABLE_ENTITY));
        assertThatNoException().isThrownBy(() -> ReservationRules.checkGroup(group(1, 5, 0), SCHOOL));
    }

    @Test
    void groupSizeStaysWithinTheProgramsMinimumAndMaximum() {
        assertThatThrownBy(() -> ReservationRules.checkGroup(group(1, 0, 0), SCHOOL)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> ReservationRules.checkGroup(group(31, 0, 0), SCHOOL)).hasMessageContaining("at most 30");
    }

    @Test
    void cutoffsAreCountedOnTheEnterprisesWallClock() {
        Instant start = Instant.parse("2026-12-01T02:00:00Z");
        assertThat(ReservationRules.cutoff(start, "Asia/Irkutsk", 24)).isEqualTo("2026-11-30T02:00:00Z");
        assertThat(ReservationRules.local(ReservationRules.cutoff(start, "Asia/Irkutsk", 2), "Asia/Irkutsk"))
                .isEqualTo("2026-12-01 08:00 (+08:00)");
        assertThat(ReservationRules.local(ReservationRules.cutoff(start, "Europe/Kaliningrad", 2), "Europe/Kaliningrad"))
                .isEqualTo("2026-12-01 02:00 (+02:00)");
    }

    @Test
    void unknownUnitsAndOversizedFieldsAreRefusedNamingThem() {
        assertThatThrownBy(() -> ReservationRules.unitItems(List.of(new ReserveCommand.UnitItemInput(null, "senior", null, null, null)),
                SCHOOL, "unitItems"))
                .satisfies(ex -> assertThat(((BookingRefusal) ex).code()).isEqualTo(BookingRefusal.Code.INVALID_UNIT_ID))
                .hasMessageContaining("senior");
        assertThatThrownBy(() -> ReservationRules.contact("contact", new Contact("x".repeat(201), null, null, null, null,
                null, null, null, null), false)).hasMessageContaining("contact.fullName");
        assertThatThrownBy(() -> ReservationRules.contact("contact", new Contact("A", null, null, "a@b.ru", "+7",
                List.of("Russian"), null, null, null), true)).hasMessageContaining("contact.locales");
    }
}
