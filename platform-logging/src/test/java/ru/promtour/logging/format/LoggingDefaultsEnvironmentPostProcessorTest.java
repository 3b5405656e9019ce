package ru.promtour.logging.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import ru.promtour.logging.LogFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A whole application start: the defaults come from {@code spring.factories}, as in every service. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingDefaultsEnvironmentPostProcessorTest {

    private static final String SECRET_LINE = "Contact m.ivanova@school42.example, +7 (902) 123-45-34";

    // Boot hands the logging settings to Logback as system properties and leaves them set after a context
    // closes: without this, one test's format would leak into the next start in this JVM
    @AfterEach
    void forgetLoggingSystemProperties() {
        System.getProperties().keySet().removeIf(key -> key.toString().startsWith("CONSOLE_LOG_")
                || key.toString().startsWith("FILE_LOG_") || key.toString().startsWith("LOG_"));
    }

    @Test
    void anApplicationLogsEcsJsonByDefault(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start()) {
            logWithRequestId();
        }

        List<String> lines = output.getOut().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        JsonNode ours = lines.stream().map(JsonMapper.builder().build()::readTree)
            .filter(line -> line.path("message").asString().startsWith("Contact"))
            .findFirst().orElseThrow();
        assertThat(ours.path("message").asString()).isEqualTo("Contact m***@school42.example, +7902*****34");
        assertThat(ours.path("request").path("id").asString()).isEqualTo("req-7");
        assertThat(output.getOut()).doesNotContain("m.ivanova").doesNotContain("123-45-34");
    }

    @Test
    void logFormatTextGivesTheReadablePatternWithTheRequestIdAndMasksIt(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("--LOG_FORMAT=text")) {
            logWithRequestId();
            LoggerFactory.getLogger("ru.promtour.test").warn("Send failed",
                    new IllegalStateException("mailbox m.ivanova@school42.example refused"));
        }

        String ours = output.getOut().lines().filter(line -> line.contains("Contact")).findFirst().orElseThrow();
        assertThat(ours).doesNotStartWith("{")
            .contains(" INFO ", "[req-7]", "ru.promtour.test", ": Contact m***@school42.example, +7902*****34");
        assertThat(output.getOut()).contains("IllegalStateException: mailbox m***@school42.example refused")
            .doesNotContain("m.ivanova").doesNotContain("123-45-34");
    }

    @Test
    void anExplicitPropertyStillWins(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("--logging.structured.format.console=logstash")) {
            logWithRequestId();
        }

        String ours = output.getOut().lines().filter(line -> line.contains("Contact")).findFirst().orElseThrow();
        assertThat(ours).contains("\"@version\":\"1\"").contains("m***@school42.example");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args);
    }

    private static void logWithRequestId() {
        try (LogFields.MdcScope ignored = LogFields.MdcScope.put(LogFields.REQUEST_ID, "req-7")) {
            LoggerFactory.getLogger("ru.promtour.test").info(SECRET_LINE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
