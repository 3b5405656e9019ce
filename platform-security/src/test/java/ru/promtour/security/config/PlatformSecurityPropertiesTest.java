package ru.promtour.security.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformSecurityPropertiesTest {

    @Test
    void defaultsPointAtTheLocalGatewayAndTheContractValues() {
        PlatformSecurityProperties properties = bind(Map.of());

        assertThat(properties.jwkSetUri()).isEqualTo("http://localhost:8080/.well-known/jwks.json");
        assertThat(properties.issuer()).isEqualTo("promtour-gateway");
        assertThat(properties.audience()).isEqualTo("promtour-services");
        assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.publicPaths()).isEmpty();
    }

    @Test
    void gatewayJwksUriEnvironmentVariableSetsTheJwksAddress() {
        PlatformSecurityProperties properties = bind(Map.of("GATEWAY_JWKS_URI", "http://gateway:8080/.well-known/jwks.json"));

        assertThat(properties.jwkSetUri()).isEqualTo("http://gateway:8080/.well-known/jwks.json");
    }

    @Test
    void anExplicitPropertyWinsOverTheEnvironmentVariable() {
        PlatformSecurityProperties properties = bind(Map.of(
                "GATEWAY_JWKS_URI", "http://gateway:8080/.well-known/jwks.json",
                "platform.security.jwk-set-uri", "http://other/jwks.json"));

        assertThat(properties.jwkSetUri()).isEqualTo("http://other/jwks.json");
    }

    @Test
    void publicPathsBindFromACommaSeparatedValue() {
        PlatformSecurityProperties properties = bind(Map.of("platform.security.public-paths", "/api/v1/catalog/**,/x"));

        assertThat(properties.publicPaths()).containsExactly("/api/v1/catalog/**", "/x");
    }

    @Test
    void theRequestBodyLimitIsTheGatewaysUnlessSet() {
        assertThat(bind(Map.of()).maxRequestBody()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(bind(Map.of("platform.security.max-request-body", "1MB")).maxRequestBody()).isEqualTo(DataSize.ofMegabytes(1));
    }

    @Test
    void defaultsNeedNoBinder() {
        assertThat(PlatformSecurityProperties.defaults().jwkSetUri()).isEqualTo(PlatformSecurityProperties.DEFAULT_JWK_SET_URI);
    }

    private static PlatformSecurityProperties bind(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new PlatformSecurityEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("platform.security", PlatformSecurityProperties.class);
    }
}
