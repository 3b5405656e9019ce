package ru.promtour.notification.template;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Intent;
import ru.promtour.notification.testdata.Events;

import static org.assertj.core.api.Assertions.assertThat;

/** What the route plan and the waitlist offer say (issue 16); the full renderings are in the snapshots. */
class RouteAndWaitlistTemplatesTest {

    private static final MessageRenderer RENDERER = new MessageRenderer();
    private final Notifications notifications = new Notifications(null, null, null, RENDERER);

    @Test
    void theDayPlanListsBothLegsInOrderWithTheirLocalTimesAndMeetingPoints() {
        Intent leader = notifications.intents("e", "booking.RouteConfirmed.v1", Events.route("booking.RouteConfirmed.v1"), false)
                .get(0);

        for (Locale locale : new Locale[] {MessageRenderer.RUSSIAN, Locale.ENGLISH}) {
            Rendered email = RENDERER.email(leader.template(), locale, leader.visit(), "Иванова Мария Петровна", leader.details());
            for (String body : new String[] {email.text(), email.html()}) {
                assertThat(body).containsSubsequence("1. 10:00–12:00", "Проходная, главный вход",
                        "2. 14:00–16:00", "Магазин при сыроварне");
                assertThat(body).contains("Калуга, ул. Ленина, 10").contains("Калуга, Грабцевское ш., 5")
                        .contains("Халаты и бахилы выдаются").contains("Шапочки выдаются на входе")
                        .contains("Закрытая обувь, без каблуков");
            }
            assertThat(email.subject()).contains("Калуга промышленная");
        }
        Rendered ru = RENDERER.email(leader.template(), MessageRenderer.RUSSIAN, leader.visit(), null, leader.details());
        assertThat(ru.text()).containsSubsequence("Фабрика пастилы: от яблока до коробки", "Сыроварня: как зреет сыр")
                .contains("План на 13 октября 2026, время местное (Москва, UTC+3)");
        Rendered en = RENDERER.email(leader.template(), Locale.ENGLISH, leader.visit(), null, leader.details());
        assertThat(en.text()).containsSubsequence("Pastila factory: from apple to box", "Cheese dairy: how cheese ripens");
    }

    @Test
    void theRouteSmsNamesTheDayTheFirstLegsTimeAndMeetingPointAndTheReference() {
        Intent leader = notifications.intents("e", "booking.RouteConfirmed.v1", Events.route("booking.RouteConfirmed.v1"), false)
                .get(0);

        String sms = RENDERER.sms(leader.template(), MessageRenderer.RUSSIAN, leader.visit(), null, leader.details()).text();

        assertThat(sms).contains("Калуга промышленная").contains("13.10.2026").contains("10:00 (Москва)")
                .contains("Проходная, главный вход").contains("PT-B1C2D3").doesNotContain("14:00");
    }

    @Test
    void theWaitlistOfferNamesTheDeadlineInLocalTimeAndUtcAndHowToConfirm() {
        Intent operator = notifications.intents("e", "booking.WaitlistOffered.v1", Events.example("booking.WaitlistOffered.v1"))
                .get(0);

        Rendered email = RENDERER.email(operator.template(), MessageRenderer.RUSSIAN, operator.visit(), "Байкал-Тур",
                operator.details());

        for (String body : new String[] {email.text(), email.html()}) {
            assertThat(body).contains("23 ноября 2026, 19:20 (Иркутск, UTC+8)").contains("23.11.2026 11:20 UTC")
                    .contains("POST /octo/bookings/0b6d9c52-3f3e-4c1a-9a65-7c1d3b2f4e11/confirm")
                    .contains("1 декабря 2026, 10:00 (Иркутск, UTC+8)").contains("PT-7K3M9Q").contains("28 чел.")
                    .contains("следующей группе");
        }
        assertThat(email.subject()).contains("PT-7K3M9Q");
    }
}
