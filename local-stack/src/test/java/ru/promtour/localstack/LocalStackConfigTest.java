package ru.promtour.localstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackConfigTest {

    @Test
    void defaults() {
        LocalStackConfig config = LocalStackConfig.fromEnv(Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of(".data").toAbsolutePath().normalize());
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.mongoPort()).isEqualTo(27017);
        assertThat(config.smtpPort()).isEqualTo(2525);
        assertThat(config.smsPort()).isEqualTo(8026);
        assertThat(config.messagesPort()).isEqualTo(8025);
        assertThat(config.smsToken()).isEqualTo("local-dev-sms-token");
        assertThat(config.messagesRetain()).isEqualTo(10_000);
        assertThat(config.mongoFile()).isEqualTo(config.dataDir().resolve("mongo/store.mv"));
        assertThat(config.messagesFile()).isEqualTo(config.dataDir().resolve("messages.jsonl"));
        assertThat(config.kafkaDir()).isEqualTo(config.dataDir().resolve("kafka"));
    }

    @Test
    void environmentOverrides() {
        LocalStackConfig config = LocalStackConfig.fromEnv(Map.of("LOCAL_STACK_DATA_DIR", "/tmp/x", "KAFKA_PORT", "19092",
                "SMS_PORT", " 18026 ", "SMS_SINK_TOKEN", "secret"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.smsPort()).isEqualTo(18026);
        assertThat(config.smsToken()).isEqualTo("secret");
    }

    @Test
    void badPortsAreNamed() {
        assertThatThrownBy(() -> LocalStackConfig.fromEnv(Map.of("MONGO_PORT", "mongo")))
                .hasMessageContaining("MONGO_PORT");
        assertThatThrownBy(() -> LocalStackConfig.fromEnv(Map.of("SMTP_PORT", "70000")))
                .hasMessageContaining("SMTP_PORT");
        assertThatThrownBy(() -> LocalStackConfig.fromEnv(Map.of("SMS_PORT", "8025")))
                .hasMessageContaining("SMS_PORT").hasMessageContaining("MESSAGES_PORT");
    }
}
