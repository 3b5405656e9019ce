package ru.promtour.localstack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PlatformTopicsTest {

    @Test
    void everyPlatformTopicHasSixPartitionsAndADeadLetterTopicWithThree() {
        Map<String, Integer> topics = PlatformTopics.load().partitionsByTopic();

        assertThat(topics).contains(
                entry("catalog.enterprises.v1", 6), entry("catalog.enterprises.v1-dlt", 3),
                entry("catalog.excursions.v1", 6), entry("catalog.excursions.v1-dlt", 3),
                entry("catalog.slots.v1", 6), entry("catalog.slots.v1-dlt", 3),
                entry("catalog.availability.v1", 6), entry("catalog.availability.v1-dlt", 3),
                entry("booking.bookings.v1", 6), entry("booking.bookings.v1-dlt", 3),
                entry("booking.seats.v1", 6), entry("booking.seats.v1-dlt", 3));
    }

    @Test
    void linesMayNameTheirPartitionsAndCommentsAreIgnored() {
        PlatformTopics topics = PlatformTopics.parse(List.of("# comment", "", "  a.b.v1  ", "c.d.v1 12"));

        assertThat(topics.partitionsByTopic()).containsOnly(
                entry("a.b.v1", 6), entry("a.b.v1-dlt", 3), entry("c.d.v1", 12), entry("c.d.v1-dlt", 3));
    }

    @Test
    void theTopicsReportingReplaysAreKeptForever() {
        PlatformTopics topics = PlatformTopics.load();
        for (String replayed : List.of("catalog.excursions.v1", "catalog.slots.v1", "booking.bookings.v1")) {
            assertThat(topics.configsByTopic().get(replayed)).containsEntry("retention.ms", "-1");
        }
        assertThat(topics.configsByTopic()).doesNotContainKey("booking.seats.v1");
        assertThat(PlatformTopics.parse(List.of("e.f.v1 3 retention.ms=-1 cleanup.policy=delete")).configsByTopic())
                .containsEntry("e.f.v1", Map.of("retention.ms", "-1", "cleanup.policy", "delete"));
    }
}
