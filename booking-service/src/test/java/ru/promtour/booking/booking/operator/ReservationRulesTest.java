package ru.promtour.booking.booking.operator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.Visitor;
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
        assertThatThrownBy(() -> ReservationRules.contact("contact", new Contact("A", null, null, "a@b.ru", "+79025551234",
                List.of("Russian"), null, null, null), true)).hasMessageContaining("contact.locales");
    }

    @Test
    void aGroupLeaderNeedsANameAndAnEmailButNoPhoneNorLocale() {
        ReservationRules.contact("contact", new Contact(null, "Мария", "Иванова", "a@b.ru", null, null, null, null, null), true);
        assertThatThrownBy(() -> ReservationRules.contact("contact", new Contact("A", null, null, null, "+79025551234",
                List.of("ru"), null, null, null), true)).hasMessageContaining("contact.emailAddress");
    }

    @Test
    void missingOrEmptyUnitItemsAreUnprocessableAsOctoSays() {
        for (List<ReserveCommand.UnitItemInput> none : java.util.Arrays.asList(null, List.<ReserveCommand.UnitItemInput>of())) {
            assertThatThrownBy(() -> ReservationRules.unitItems(none, SCHOOL, "unitItems"))
                    .satisfies(ex -> assertThat(((BookingRefusal) ex).code()).isEqualTo(BookingRefusal.Code.UNPROCESSABLE_ENTITY))
                    .hasMessageContaining("unitItems");
        }
    }

    private static Contact named(String fullName, String firstName, String lastName, String phone) {
        return new Contact(fullName, firstName, lastName, null, phone, null, null, null, null);
    }

    private static void assertBadRequestNaming(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOf(BookingRefusal.class)
                .satisfies(ex -> assertThat(((BookingRefusal) ex).code()).isEqualTo(BookingRefusal.Code.BAD_REQUEST))
                .hasMessageStartingWith(field + " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Иванова Мария Петровна", "Пётр Ёлкин", "Anne-Marie O'Neil", "D’Artagnan", "J. R. R. Tolkien",
            "Zoë Ångström", "Салтыков-Щедрин М. Е.", "Ivan Ivanov"})
    void namesOfLettersSpacesHyphensApostrophesAndDotsPass(String name) {
        assertThatNoException().isThrownBy(() -> ReservationRules.contact("contact", named(name, name, name, null), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "Петров\nПётр", "Петров\tПётр", "Agent 007", "<script>", "Robert'); DROP",
            "a\u0000b", "--", ". '", "李小龍", "Ivan_Ivanov", "\t", " \n "})
    void otherNamesAreRefusedNamingTheField(String name) {
        assertBadRequestNaming(() -> ReservationRules.contact("contact", named(name, null, null, null), false), "contact.fullName");
        assertBadRequestNaming(() -> ReservationRules.contact("unitItems[2].contact", named(null, name, null, null), false),
                "unitItems[2].contact.firstName");
        assertBadRequestNaming(() -> ReservationRules.contact("contact", named(null, null, name, null), false), "contact.lastName");
    }

    @Test
    void phonesMustBeE164NamingTheField() {
        assertThatNoException().isThrownBy(() -> ReservationRules.contact("contact", named("A", null, null, "+79025551234"), false));
        assertThatNoException().isThrownBy(() -> ReservationRules.contact("contact", named("A", null, null, "+4930123456"), false));
        for (String phone : new String[] {"+7", "89025551234", "+7 902 555-12-34", "+7(902)5551234", "+09025551234",
                "+7902555123456789", "+79025551234\n", "call me"}) {
            assertBadRequestNaming(() -> ReservationRules.contact("contact", named("A", null, null, phone), false),
                    "contact.phoneNumber");
            assertBadRequestNaming(() -> ReservationRules.contact("unitItems[0].contact", named("A", null, null, phone), false),
                    "unitItems[0].contact.phoneNumber");
        }
    }

    private static final Program.Unit ANY_AGE = new Program.Unit("guest", "ADULT", null, null, null);
    private static final Clock NOON_4_DEC_2026 = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private static Visitor born(String birthDate, String documentNumber) {
        return new Visitor(birthDate == null ? null : LocalDate.parse(birthDate), Visitor.PASSPORT, documentNumber);
    }

    @Test
    void documentNumbersAreLettersDigitsSpacesAndHyphens() {
        for (String number : new String[] {"2514 123456", "IV-СТ 123456", "AB1234567", "II-МЮ-654321"}) {
            assertThatNoException().isThrownBy(() -> ReservationRules.visitor("unitItems[0].visitor", born(null, number), ANY_AGE));
        }
        for (String number : new String[] {"2514/123456", "=1+1", "2514\n123456", "2514\t123456", "№ 123", "12_34", "a\u0007b"}) {
            assertBadRequestNaming(() -> ReservationRules.visitor("unitItems[0].visitor", born(null, number), ANY_AGE),
                    "unitItems[0].visitor.documentNumber");
        }
    }

    @Test
    void aBirthDateInTheFutureOrMoreThan120YearsAgoIsRefusedEvenWithoutAnAgeRange() {
        for (String date : new String[] {"2026-12-06", "2027-01-01", "9999-12-31", "1906-12-03", "0001-01-01"}) {
            assertBadRequestNaming(() -> ReservationRules.visitor("unitItems[1].visitor", born(date, null), ANY_AGE, NOON_4_DEC_2026),
                    "unitItems[1].visitor.birthDate");
        }
        // today (and tomorrow, already today east of UTC) and 120 years ago to the day pass
        for (String date : new String[] {"2026-12-04", "2026-12-05", "1906-12-04", "1980-05-01"}) {
            assertThatNoException().isThrownBy(
                    () -> ReservationRules.visitor("unitItems[1].visitor", born(date, null), ANY_AGE, NOON_4_DEC_2026));
        }
    }
}
