package ru.promtour.security.config;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.token.CachingJwtDecoder;
import ru.promtour.security.token.InternalTokenValidators;
import ru.promtour.security.token.TenantAuthenticationConverter;
import ru.promtour.security.web.AuthorizationRulesCustomizer;
import ru.promtour.security.web.PlatformAccessDeniedHandler;
import ru.promtour.security.web.PlatformAuthenticationEntryPoint;
import ru.promtour.security.web.PlatformErrorReportValve;
import ru.promtour.security.web.PlatformHttpSecurity;
import ru.promtour.security.web.PlatformRequestRejectedHandler;
import ru.promtour.security.web.RequestBodyLimitFilter;
import ru.promtour.security.web.UnreadableRequestFilter;

/**
 * Makes a servlet service a resource server that trusts only the gateway's internal JWT: a
 * {@link JwtDecoder} over the gateway's JWK Set (ES256; an unknown {@code kid} triggers a refetch, so
 * keys can rotate) with the platform's claim checks and a bounded cache of verified tokens
 * ({@link CachingJwtDecoder}), tenant roles, the shared path rules, method security for
 * {@code @PreAuthorize}, and 401/403 bodies in the caller's API shape. Runs before Boot's
 * security auto-configurations so their defaults (generated user, form login, default chain) back off.
 * A servlet filter ({@link RequestBodyLimitFilter}) bounds every request body, chunked or not. What is refused before
 * any controller advice could answer (a wildcard Content-Type, a query that is not UTF-8, a path the firewall or Tomcat
 * rejects) is answered in the caller's API shape too.
 * <p>
 * A service changes it by declaring: {@link AuthorizationRulesCustomizer} beans (extra or stricter
 * rules), its own {@link SecurityFilterChain} with a {@code securityMatcher} and a higher precedence
 * for a subset of paths (reuse {@link PlatformHttpSecurity#applyDefaults}), a bean named
 * {@code platformSecurityFilterChain} to replace this chain, or its own {@link JwtDecoder}.
 */
@AutoConfiguration(before = {
        ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class, NimbusJwtDecoder.class})
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    /** Order of the platform chain: after any chain a service declares for a subset of paths. */
    public static final int FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    /**
     * Order of the {@link RequestBodyLimitFilter} among the servlet filters: before Spring Security's (-100), after
     * Boot's character encoding and observation filters and a service's early header filters (+100).
     */
    public static final int REQUEST_BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
        decoder.setJwtValidator(InternalTokenValidators.create(
                properties.issuer(), properties.audience(), properties.clockSkew(), properties.maxTokenLifetime()));
        // the gateway reuses a token per API key: verify it once, not on every request (CachingJwtDecoder)
        return properties.tokenCacheSize() == 0 ? decoder : new CachingJwtDecoder(decoder, properties.tokenCacheSize());
    }

    @Bean
    @ConditionalOnMissingBean
    TenantAuthenticationConverter tenantAuthenticationConverter() {
        return new TenantAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformAuthenticationEntryPoint platformAuthenticationEntryPoint() {
        return new PlatformAuthenticationEntryPoint();
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformAccessDeniedHandler platformAccessDeniedHandler() {
        return new PlatformAccessDeniedHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformHttpSecurity platformHttpSecurity(PlatformSecurityProperties properties,
            TenantAuthenticationConverter converter, PlatformAuthenticationEntryPoint entryPoint,
            PlatformAccessDeniedHandler accessDeniedHandler, ObjectProvider<AuthorizationRulesCustomizer> customizers) {
        return new PlatformHttpSecurity(properties.publicPaths(), converter, entryPoint, accessDeniedHandler,
                customizers.orderedStream().toList());
    }

    @Bean
    @Order(FILTER_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = "platformSecurityFilterChain")
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformHttpSecurity platform) throws Exception {
        platform.applyDefaults(http).authorizeHttpRequests(platform::authorize);
        return http.build();
    }

    /**
     * The request body limit ({@code max-request-body}), before the security chain: an oversized body is refused
     * before it is read or a token is checked.
     */
    @Bean
    @ConditionalOnMissingBean(name = "requestBodyLimitFilter")
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformSecurityProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestBody()));
        registration.setOrder(REQUEST_BODY_LIMIT_ORDER);
        return registration;
    }

    /** A wildcard Content-Type (415) or a query that is not UTF-8 (400), refused before Spring MVC fails on them. */
    @Bean
    @ConditionalOnMissingBean(name = "unreadableRequestFilter")
    FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter() {
        FilterRegistrationBean<UnreadableRequestFilter> registration = new FilterRegistrationBean<>(new UnreadableRequestFilter());
        registration.setOrder(REQUEST_BODY_LIMIT_ORDER + 1);
        return registration;
    }

    /** A path the firewall rejects: 400 in the caller's shape, not Boot's error page. */
    @Bean
    WebSecurityCustomizer platformRequestRejectedHandler() {
        return web -> web.requestRejectedHandler(new PlatformRequestRejectedHandler());
    }

    /**
     * Tomcat's own refusals (before any filter) as JSON in the caller's shape, not its HTML error page. A query
     * with the characters browsers and clients commonly leave unencoded ({@code a[b]=1}) is let through to the
     * application, which ignores or refuses it in the caller's shape: Tomcat's refusal of its request line comes
     * before the path is known, so could not say which shape.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> platformErrorReportValve() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(PlatformErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> connector.setProperty("relaxedQueryChars", "[]{}|^`\"<>\\"));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentTenant currentTenant() {
        return new CurrentTenant();
    }
}
