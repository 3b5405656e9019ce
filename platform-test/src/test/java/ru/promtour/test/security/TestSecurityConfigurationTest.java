package ru.promtour.test.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import ru.promtour.security.config.PlatformSecurityAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's own {@code JwtDecoder} (here the test one) replaces the platform's JWKS decoder. */
class TestSecurityConfigurationTest {

    @Test
    void theTestDecoderReplacesTheJwksDecoderAndTrustsTheTestKey() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    PlatformSecurityAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(TestSecurityConfiguration.class)
            .run(context -> {
                assertThat(context).hasSingleBean(JwtDecoder.class);
                assertThat(context.getBean(JwtDecoder.class).decode(TestTokens.admin()).getSubject()).isEqualTo("ADMIN:admin");
            });
    }
}
