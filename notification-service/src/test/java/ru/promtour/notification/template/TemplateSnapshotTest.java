package ru.promtour.notification.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Intent;
import ru.promtour.notification.testdata.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every template in both languages, rendered from the contract examples, compared with the reviewed
 * files under {@code src/test/resources/snapshots/}. Any difference fails. After a deliberate change,
 * rerun with {@code -Dsnapshots.update=true}, read the diff, commit it.
 */
class TemplateSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final MessageRenderer RENDERER = new MessageRenderer();
    /** Cyrillic SMS are UCS-2: two concatenated parts hold 2 × 67 characters. */
    private static final int TWO_UCS2_SEGMENTS = 134;

    static Stream<Arguments> templates() {
        Map<Template, Intent> byTemplate = intentsOfEveryTemplate();
        List<Arguments> arguments = new ArrayList<>();
        for (Template template : Template.values()) {
            for (String lang : List.of("ru", "en")) {
                arguments.add(Arguments.of(template, lang, byTemplate.get(template)));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templates")
    void emailMatchesTheReviewedSnapshot(Template template, String lang, Intent intent) throws IOException {
        Rendered email = RENDERER.email(template, Locale.forLanguageTag(lang), intent.visit(), name(intent), intent.details());

        assertSnapshot("email/" + template.fileName() + "." + lang + ".txt", "Subject: " + email.subject() + "\n\n" + email.text());
        assertSnapshot("email/" + template.fileName() + "." + lang + ".html", email.html());
        assertThat(email.text()).doesNotContain("??").doesNotContain("[(").doesNotContain("null");
        assertThat(email.html()).doesNotContain("??").doesNotContain("null");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templates")
    void smsMatchesTheReviewedSnapshotAndFitsTwoSegments(Template template, String lang, Intent intent) throws IOException {
        if (!template.hasSms()) {
            return;
        }
        String sms = RENDERER.sms(template, Locale.forLanguageTag(lang), intent.visit(), name(intent), intent.details()).text();

        assertSnapshot("sms/" + template.fileName() + "." + lang + ".txt", sms + "\n");
        assertThat(sms).doesNotContain("??").doesNotContain("null").doesNotContain("\n");
        assertThat(sms.length()).as("UCS-2 length of: %s", sms).isLessThanOrEqualTo(TWO_UCS2_SEGMENTS);
    }

    /** One intent per template: the events' own (bookings' and routes'), plus the two reminders built from the confirmed visit. */
    static Map<Template, Intent> intentsOfEveryTemplate() {
        Notifications notifications = new Notifications(null, null, null, RENDERER);
        Map<Template, Intent> byTemplate = new LinkedHashMap<>();
        for (String type : Events.TYPES.keySet()) {
            BookingEvent event = Events.example(type);
            notifications.intents("evt-1", type, event).forEach(intent -> byTemplate.putIfAbsent(intent.template(), intent));
        }
        for (String type : Events.ROUTE_TYPES.keySet()) {
            notifications.intents("evt-1", type, Events.route(type), true)
                    .forEach(intent -> byTemplate.putIfAbsent(intent.template(), intent));
        }
        BookingEvent confirmed = Events.example("booking.BookingConfirmed.v1");
        byTemplate.put(Template.REMINDER_DAY_BEFORE, new Intent("r", "reminder", confirmed.bookingId(), confirmed.visit(),
                ru.promtour.notification.message.Role.GROUP_LEADER, Template.REMINDER_DAY_BEFORE, Map.of()));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("visitorsNamed", 20);
        manifest.put("manifestDeadline", notifications.deadline(java.time.Instant.parse("2026-11-21T02:00:00Z"), confirmed.visit()));
        byTemplate.put(Template.OPERATOR_MANIFEST_REMINDER, new Intent("r", "reminder", confirmed.bookingId(), confirmed.visit(),
                ru.promtour.notification.message.Role.OPERATOR, Template.OPERATOR_MANIFEST_REMINDER, manifest));
        assertThat(byTemplate.keySet()).containsExactlyInAnyOrder(Template.values());
        return byTemplate;
    }

    private static String name(Intent intent) {
        return switch (intent.role()) {
            case GROUP_LEADER -> intent.visit().contact().fullName();
            case OPERATOR -> intent.visit().operator().name();
            case ENTERPRISE -> null;
        };
    }

    private static void assertSnapshot(String name, String actual) throws IOException {
        Path file = SNAPSHOTS.resolve(name);
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("No reviewed snapshot " + file + "; render it with -Dsnapshots.update=true, read it, commit it. Rendered:\n" + actual);
        }
        assertThat(actual).as("snapshot %s (rerun with -Dsnapshots.update=true after a deliberate change)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
