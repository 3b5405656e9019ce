package ru.promtour.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void gsm7TextsUse160CharactersThen153PerPart() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
        assertThat(SmsSegments.count("Tour at 10:00, gate 3 @ PromTour! Ça va? ÄÖÜ")).isEqualTo(1);
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndAreNotSplit() {
        assertThat(SmsSegments.isGsm7("price 10€ [ok]")).isTrue();
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        // 152 plain septets then a two-septet character: it moves whole to the second part
        assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
    }

    @Test
    void cyrillicIsUcs2With70CharactersThen67PerPart() {
        assertThat(SmsSegments.isGsm7("Привет")).isFalse();
        assertThat(SmsSegments.count("я".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("я".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("я".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("я".repeat(135))).isEqualTo(3);
        assertThat(SmsSegments.count("Hello " + "я")).isEqualTo(1);
    }

    @Test
    void surrogatePairsAreNotSplit() {
        // 66 units then an emoji (2 units): the emoji starts the second part
        assertThat(SmsSegments.count("я".repeat(66) + "😀" + "я".repeat(66))).isEqualTo(3);
        assertThat(SmsSegments.count("😀".repeat(35))).isEqualTo(1);
    }
}
