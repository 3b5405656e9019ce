package ru.promtour.web.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Money in rubles, times in the enterprise's own zone whatever this server's is. */
class ConsoleFormatTest {

    private final ConsoleFormat format = new ConsoleFormat();

    @Test
    void kopecksAreShownAsRubles() {
        assertThat(format.rubles(90_000)).isEqualTo("900 ₽");
        assertThat(format.rubles(90_050L)).isEqualTo("900,50 ₽");
        assertThat(format.rubles(5)).isEqualTo("0,05 ₽");
        assertThat(format.rubles(null)).isEqualTo("—");
    }

    @Test
    void aSlotsStartIsShownAsItsLocalTime() {
        assertThat(format.local("2026-12-10T10:00:00+07:00")).isEqualTo("10.12.2026 10:00");
        assertThat(format.localTime("2026-12-10T23:30:00+03:00")).isEqualTo("23:30");
    }

    @Test
    void anInstantIsShownInTheGivenZone() {
        assertThat(format.inZone("2026-12-10T07:00:00Z", "Europe/Moscow")).isEqualTo("10.12.2026 10:00");
        assertThat(format.inZone("2026-12-10T07:00:00Z", "Asia/Vladivostok")).isEqualTo("10.12.2026 17:00");
        assertThat(format.inZone(null, "Europe/Moscow")).isEqualTo("—");
    }
}
