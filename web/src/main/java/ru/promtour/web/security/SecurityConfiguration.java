package ru.promtour.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open which page. The guide and the assets are open to anyone; the console needs a signed-in person and its
 * admin pages the regional office. Form login with the gateway as the only judge of passwords ({@link GatewaySignIn});
 * Spring Security's session-fixation protection and CSRF tokens on every form; logout is a POST that also revokes
 * the gateway session ({@link SignOut}). Nothing runs that the module did not serve itself (Content-Security-Policy).
 */
@Configuration
public class SecurityConfiguration {

    static final String LOGIN = "/console/login";

    /** Scripts and styles only from this module; no frames, no foreign form targets. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain pages(HttpSecurity http, GatewaySignIn signIn, SignOut signOut) throws Exception {
        RequestMatcher console = PathPatternRequestMatcher.withDefaults().matcher("/console/**");
        SignInFailure failure = new SignInFailure(LOGIN + "?error");
        http
            // the gateway alone, once per attempt: a provider bean would also sit in Boot's global manager, the parent
            // this chain's manager falls back to, and a refused sign-in would count twice towards the lockout
            .authenticationManager(new ProviderManager(signIn))
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/", "/guide", "/guide/**", "/assets/**", "/error", "/livez", "/readyz").permitAll()
                // only served on the management port (127.0.0.1; compose: the container network): health, info, metrics
                .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                .requestMatchers(LOGIN, "/console/invite").permitAll()
                .requestMatchers("/console/admin", "/console/admin/**").hasRole("ADMIN")
                .requestMatchers("/console", "/console/**").authenticated()
                .anyRequest().denyAll())
            .formLogin(form -> form
                .loginPage(LOGIN)
                .loginProcessingUrl(LOGIN)
                .usernameParameter("email")
                .passwordParameter("password")
                .defaultSuccessUrl("/console", false)
                .failureHandler(failure))
            .logout(logout -> logout
                .logoutUrl("/console/logout")
                .addLogoutHandler(signOut)
                .logoutSuccessUrl(LOGIN + "?logout"))
            // outside the console a refused path is simply not here (the management port serves the actuator)
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), console)
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND),
                    new NegatedRequestMatcher(console)))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
