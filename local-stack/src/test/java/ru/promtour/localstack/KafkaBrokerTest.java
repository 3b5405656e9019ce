package ru.promtour.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void createdTopicsAreListedAndSurviveARestartOnTheSameDirectory() {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Path logDir = dir.resolve("kafka");

        try (KafkaBroker broker = new KafkaBroker(port, controllerPort, logDir).start()) {
            broker.createTopics(List.of("test.created.v1", "test.created.v1-dlt"), 2);
            broker.createTopics(List.of("test.created.v1"), 2); // existing topics are left alone

            assertThat(broker.listTopics(Duration.ofSeconds(10))).contains("test.created.v1", "test.created.v1-dlt");
        }

        try (KafkaBroker restarted = new KafkaBroker(port, controllerPort, logDir).start()) {
            assertThat(restarted.listTopics(Duration.ofSeconds(10))).contains("test.created.v1", "test.created.v1-dlt");
        }
    }
}
