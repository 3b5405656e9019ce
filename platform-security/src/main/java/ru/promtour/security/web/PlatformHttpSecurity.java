package ru.promtour.security.web;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.ClassUtils;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.security.token.TenantAuthenticationConverter;

/**
 * How every service's {@code HttpSecurity} is set up, in one place, so the auto-configured chain and a
 * service's own extra chain are configured alike. {@link #applyDefaults} makes the chain a stateless
 * resource server for the gateway's internal token (no sessions, no CSRF, no form login or basic auth)
 * with the platform's 401/403 bodies; {@link #authorize} writes the rules in this order (first match
 * wins):
 * <ol>
 *   <li>public: error dispatches, {@code /actuator/health/**}, {@code /actuator/info},
 *       {@code /actuator/prometheus} (the services serve them on a management port bound to this host only),
 *       the health probes' additional paths on the main port ({@code /livez}, {@code /readyz}),
 *       {@code /v3/api-docs/**}, then the service's {@code platform.security.public-paths};</li>
 *   <li>any other exposed actuator endpoint: ADMIN; other {@code /actuator/**} paths are left open so
 *       that an unexposed endpoint answers 404, not 401;</li>
 *   <li>the service's {@link AuthorizationRulesCustomizer} beans;</li>
 *   <li>the shared function-level rules ({@link #sharedRules});</li>
 *   <li>anything else: any authenticated tenant ({@code @PreAuthorize} narrows it per endpoint).</li>
 * </ol>
 */
public final class PlatformHttpSecurity {

    /** Actuator endpoints that answer without a token (probes, scraping). */
    public static final List<String> PUBLIC_ACTUATOR_PATHS =
            List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus");
    /** The service's OpenAPI document, read by the gateway's Swagger UI. */
    public static final List<String> API_DOCS_PATHS = List.of("/v3/api-docs/**");
    /** Paths of the enterprise API, for enterprises (own data) and the admin. */
    public static final List<String> ENTERPRISE_API_PATHS = List.of(
            "/api/v1/bookings/**", "/api/v1/manifests/**", "/api/v1/enterprises/**",
            "/api/v1/excursions/**", "/api/v1/slots/**");

    private static final boolean ACTUATOR_PRESENT = ClassUtils.isPresent(
            "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints",
            PlatformHttpSecurity.class.getClassLoader())
        && ClassUtils.isPresent(
            "org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType",
            PlatformHttpSecurity.class.getClassLoader());

    private final List<String> publicPaths;
    private final TenantAuthenticationConverter authenticationConverter;
    private final PlatformAuthenticationEntryPoint entryPoint;
    private final PlatformAccessDeniedHandler accessDeniedHandler;
    private final List<AuthorizationRulesCustomizer> customizers;

    /**
     * @param publicPaths             the service's extra public paths
     * @param authenticationConverter token → {@code TenantAuthentication}
     * @param entryPoint              401 writer
     * @param accessDeniedHandler     403 writer
     * @param customizers             the service's own rules, in order
     */
    public PlatformHttpSecurity(List<String> publicPaths, TenantAuthenticationConverter authenticationConverter,
            PlatformAuthenticationEntryPoint entryPoint, PlatformAccessDeniedHandler accessDeniedHandler,
            List<AuthorizationRulesCustomizer> customizers) {
        this.publicPaths = List.copyOf(publicPaths);
        this.authenticationConverter = authenticationConverter;
        this.entryPoint = entryPoint;
        this.accessDeniedHandler = accessDeniedHandler;
        this.customizers = List.copyOf(customizers);
    }

    /**
     * Stateless bearer-token resource server with the platform's error bodies; authorization rules are
     * not touched (see {@link #authorize}).
     *
     * @return {@code http}, for chaining
     */
    public HttpSecurity applyDefaults(HttpSecurity http) {
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .anonymous(Customizer.withDefaults())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter))
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDeniedHandler)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failClosed());
                        return filter;
                    }
                }))
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDeniedHandler))
            // the tenant is known from here on: its id goes into the request's log lines
            .addFilterAfter(new TenantLogFilter(), BearerTokenAuthenticationFilter.class);
        return http;
    }

    /**
     * Every authentication failure is a 401 through the entry point, including "the gateway's key set
     * could not be fetched": Spring's default would rethrow that as a 500 with Boot's error body.
     */
    private AuthenticationFailureHandler failClosed() {
        AuthenticationEntryPointFailureHandler handler = new AuthenticationEntryPointFailureHandler(entryPoint);
        handler.setRethrowAuthenticationServiceException(false);
        return handler;
    }

    /** All rules of the platform chain, closed by {@code anyRequest().authenticated()}. */
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        rules.requestMatchers(PUBLIC_ACTUATOR_PATHS.toArray(String[]::new)).permitAll();
        if (ACTUATOR_PRESENT) {
            // the liveness and readiness groups on the main port (add-additional-paths): where an orchestrator probes
            rules.requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")).permitAll();
            rules.requestMatchers(EndpointRequest.toAnyEndpoint()
                    .excluding("health", "info", "prometheus")
                    .excludingLinks())
                .hasRole(TenantType.ADMIN.name());
        }
        rules.requestMatchers("/actuator/**").permitAll();
        rules.requestMatchers(API_DOCS_PATHS.toArray(String[]::new)).permitAll();
        if (!publicPaths.isEmpty()) {
            rules.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
        }
        customizers.forEach(customizer -> customizer.customize(rules));
        sharedRules(rules);
        rules.anyRequest().authenticated();
    }

    /**
     * The function-level rules every service shares (the route table of the design):
     * {@code /octo/**} operators only, {@code /admin/**} the admin only, the enterprise API
     * ({@link #ENTERPRISE_API_PATHS}) enterprises and the admin, {@code /api/v1/notifications/**} any
     * tenant type.
     */
    public static void sharedRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/octo/**").hasRole(TenantType.OPERATOR.name())
            .requestMatchers("/admin/**").hasRole(TenantType.ADMIN.name())
            .requestMatchers(ENTERPRISE_API_PATHS.toArray(String[]::new))
                .hasAnyRole(TenantType.ENTERPRISE.name(), TenantType.ADMIN.name())
            .requestMatchers("/api/v1/notifications/**")
                .hasAnyRole(TenantType.OPERATOR.name(), TenantType.ENTERPRISE.name(), TenantType.ADMIN.name());
    }
}
