package ru.promtour.web.guide;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class GuideFormatTest {

    private static final String NBSP = "\u00a0";
    private final StaticMessageSource messages = new StaticMessageSource();
    private final GuideFormat format = new GuideFormat(messages);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void kopecksAreRublesWithKopecksOnlyWhenThereAreSome() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));

        assertThat(format.rubles(90000L)).isEqualTo("900" + NBSP + "₽");
        assertThat(format.rubles(90050)).isEqualTo("900,50" + NBSP + "₽");
        assertThat(format.rubles(123456700L)).isEqualTo("1" + NBSP + "234" + NBSP + "567" + NBSP + "₽");
        assertThat(format.rubles(null)).isEmpty();

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(format.rubles(90050)).isEqualTo("900.50" + NBSP + "₽");
    }

    @Test
    void aSlotIsShownInItsOwnLocalTimeWithTheZone() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));

        assertThat(format.slot(Map.of("start", "2026-12-10T10:00:00+03:00", "timeZone", "Europe/Moscow")))
                .isEqualTo("чт, 10 дек., 10:00 (MSK, UTC+3)");
        assertThat(format.slot(Map.of("start", "2026-12-10T10:00:00+05:30", "timeZone", "Asia/Kolkata")))
                .endsWith("10:00 (IST, UTC+5:30)");
        assertThat(format.time(Map.of("start", "2026-12-10T09:00:00+03:00", "allDay", true,
                "openingHours", List.of(Map.of("from", "09:00", "to", "13:00"), Map.of("from", "14:00", "to", "18:00")))))
                .isEqualTo("09:00–13:00, 14:00–18:00");
        assertThat(format.slot(Map.of("start", "not a time"))).isEmpty();
        assertThat(GuideFormat.utc(ZoneOffset.ofHours(-3))).isEqualTo("UTC−3");
    }

    @Test
    void aTextIsInThePagesLanguageWithRussianAsTheFallback() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(format.text(Map.of("ru", "Зефир", "en", "Marshmallow"))).isEqualTo("Marshmallow");
        assertThat(format.text(Map.of("ru", "Зефир", "en", " "))).isEqualTo("Зефир");
        assertThat(format.text(Map.of("ru", "Зефир"))).isEqualTo("Зефир");
    }

    @Test
    void aCodeWithoutANameIsShownAsItIs() {
        messages.addMessage("region.RU-KLU", Locale.ENGLISH, "Kaluga Oblast");
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(format.region("RU-KLU")).isEqualTo("Kaluga Oblast");
        assertThat(format.region("RU-XYZ")).isEqualTo("RU-XYZ");
        assertThat(format.industry(null)).isEmpty();
    }
}
