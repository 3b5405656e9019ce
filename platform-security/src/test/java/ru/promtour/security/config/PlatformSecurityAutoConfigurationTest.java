package ru.promtour.security.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.token.CachingJwtDecoder;
import ru.promtour.security.web.PlatformHttpSecurity;
import ru.promtour.security.web.RequestBodyLimitFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration's beans; that a service's own decoder replaces the JWKS one is checked in platform-test ({@code TestSecurityConfigurationTest}). */
class PlatformSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
                PlatformSecurityAutoConfiguration.class,
                SecurityAutoConfiguration.class,
                ServletWebSecurityAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class,
                OAuth2ResourceServerAutoConfiguration.class));

    @Test
    void aServletServiceBecomesAResourceServerOfTheInternalToken() {
        web.run(context -> {
            assertThat(context).hasSingleBean(JwtDecoder.class);
            assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(CachingJwtDecoder.class);
            assertThat(context).hasBean("platformSecurityFilterChain");
            assertThat(context).hasSingleBean(SecurityFilterChain.class);
            assertThat(context).hasSingleBean(CurrentTenant.class);
            assertThat(context).hasSingleBean(PlatformHttpSecurity.class);
            assertThat(context).as("no generated password user").doesNotHaveBean(UserDetailsService.class);
            assertThat(context).hasBean("requestBodyLimitFilter");
        });
    }

    @Test
    void theRequestBodyLimitFilterTakesTheConfiguredLimit() {
        web.withPropertyValues("platform.security.max-request-body=64KB").run(context -> {
            FilterRegistrationBean<?> registration = context.getBean("requestBodyLimitFilter", FilterRegistrationBean.class);
            assertThat(((RequestBodyLimitFilter) registration.getFilter()).limit()).isEqualTo(64 * 1024);
            assertThat(registration.getOrder()).isLessThan(-100);
        });
    }

    @Test
    void aTokenCacheSizeOfZeroVerifiesEveryTokenWithThePlainJwksDecoder() {
        web.withPropertyValues("platform.security.token-cache-size=0").run(context ->
            assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class));
    }

    @Test
    void nonWebApplicationsAreLeftAlone() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformSecurityAutoConfiguration.class))
            .run(context -> assertThat(context).doesNotHaveBean(JwtDecoder.class).doesNotHaveBean(CurrentTenant.class));
    }
}
