package ru.promtour.notification.template;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisitFormatTest {

    private final MessageRenderer renderer = new MessageRenderer();

    @Test
    void localTimeIsWrittenWithTheZonesCityAndOffset() {
        OffsetDateTime irkutsk = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");

        assertThat(VisitFormat.when(irkutsk, "Asia/Irkutsk", MessageRenderer.RUSSIAN, renderer.messages()))
                .isEqualTo("1 декабря 2026, 10:00 (Иркутск, UTC+8)");
        assertThat(VisitFormat.when(irkutsk, "Asia/Irkutsk", Locale.ENGLISH, renderer.messages()))
                .isEqualTo("1 December 2026, 10:00 (Irkutsk, UTC+8)");
        assertThat(VisitFormat.when(OffsetDateTime.parse("2026-03-08T09:30+02:00"), "Europe/Kaliningrad",
                MessageRenderer.RUSSIAN, renderer.messages())).isEqualTo("8 марта 2026, 09:30 (Калининград, UTC+2)");
    }

    @Test
    void anUnlistedZoneFallsBackToItsIdAndOddOffsetsKeepTheirMinutes() {
        assertThat(VisitFormat.zone(ZoneOffset.ofHoursMinutes(5, 30), "Asia/Kolkata", Locale.ENGLISH, renderer.messages()))
                .isEqualTo("Kolkata, UTC+5:30");
        assertThat(VisitFormat.utc(ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(VisitFormat.utc(ZoneOffset.ofHours(-3))).isEqualTo("UTC-3");
    }

    @Test
    void englishOnlyWhenTheContactLocaleStartsWithEn() {
        assertThat(MessageRenderer.localeOf("en")).isEqualTo(Locale.ENGLISH);
        assertThat(MessageRenderer.localeOf("en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(MessageRenderer.localeOf("de")).isEqualTo(MessageRenderer.RUSSIAN);
        assertThat(MessageRenderer.localeOf(null)).isEqualTo(MessageRenderer.RUSSIAN);
    }
}
