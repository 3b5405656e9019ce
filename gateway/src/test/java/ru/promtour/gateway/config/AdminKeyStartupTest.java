package ru.promtour.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.promtour.gateway.auth.AdminKey;
import ru.promtour.gateway.auth.InvalidAdminKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The gateway refuses to start, in every profile, with an admin key that is not a usable secret. */
class AdminKeyStartupTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
        .withUserConfiguration(AdminKeyConfiguration.class);

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "${PROMTOUR_TEST_UNSET_VARIABLE}", "prefix-${PROMTOUR_TEST_UNSET_VARIABLE}-suffix",
        "changeme", "CHANGE_ME",
        "your-admin-api-key", "short-key-123", "fifteen-chars-x"})
    void anUnusableAdminKeyStopsTheStartNamingThePropertyButNotTheKey(String key) {
        gateway.withPropertyValues("platform.security.admin-api-key=" + key).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(InvalidAdminKeyException.class)
                .hasMessageContaining("platform.security.admin-api-key")
                .hasMessageContaining("ADMIN_API_KEY");
            for (Throwable t = failure; t != null && !key.isBlank(); t = t.getCause()) {
                assertThat(t.getMessage()).as("the key is never shown").doesNotContain(key);
            }
        });
    }

    @Test
    void withoutAnyAdminKeyTheGatewayDoesNotStart() {
        assumeTrue(System.getenv("ADMIN_API_KEY") == null, "ADMIN_API_KEY is exported in this environment");
        gateway.run(context -> assertThat(context).hasFailed()
            .getFailure().rootCause().hasMessageContaining("is not set"));
    }

    /** The review's finding: the docker profile with ADMIN_API_KEY unset bound the literal "${ADMIN_API_KEY}". */
    @Test
    void theDockerProfileWithoutAdminApiKeyDoesNotStart() {
        assumeTrue(System.getenv("ADMIN_API_KEY") == null, "ADMIN_API_KEY is exported in this environment");
        gateway.withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.profiles.active=docker")
            .run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("unresolved placeholder"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"dev-admin-key-change-me", "test-admin-key-0123456789", "exactly-16-chars"})
    void aUsableAdminKeyStartsAndIsTheAdmin(String key) {
        assertThat(key.length()).isGreaterThanOrEqualTo(AdminKey.MIN_LENGTH);
        gateway.withPropertyValues("platform.security.admin-api-key=" + key).run(context -> {
            assertThat(context).hasNotFailed();
            AdminKey admin = context.getBean(AdminKey.class);
            assertThat(admin.matches(key)).isTrue();
            assertThat(admin.matches(key + "x")).isFalse();
            assertThat(admin.toString()).doesNotContain(key);
        });
    }

    @Test
    void theStartupReportSaysWhatToDo() {
        FailureAnalysis analysis = new InvalidAdminKeyFailureAnalyzer().analyze(
                new BeanCreationException("adminKey", assertThrowsInvalid("${ADMIN_API_KEY}")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("platform.security.admin-api-key").contains("placeholder");
        assertThat(analysis.getAction()).contains("ADMIN_API_KEY").contains("16");
    }

    private static InvalidAdminKeyException assertThrowsInvalid(String key) {
        try {
            AdminKey.of(key);
        }
        catch (InvalidAdminKeyException ex) {
            return ex;
        }
        throw new AssertionError("accepted " + key);
    }
}
