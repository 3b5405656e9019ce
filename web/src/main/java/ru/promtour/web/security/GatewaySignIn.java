package ru.promtour.web.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * Checks an e-mail and password by asking the gateway for a session ({@code POST /auth/sessions}): the gateway owns
 * people's accounts, their password hashes and the lockout (ADR 0008). The answer becomes a {@link ConsoleUser} with
 * the role {@code ROLE_ENTERPRISE} or {@code ROLE_ADMIN}; a 423 is a {@link LockedException} with the gateway's
 * sentence, which the sign-in page shows.
 */
@Component
public class GatewaySignIn implements AuthenticationProvider {

    private final GatewayClient gateway;

    public GatewaySignIn(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        Object password = authentication.getCredentials();
        if (email.isEmpty() || password == null || password.toString().isEmpty()) {
            throw new BadCredentialsException("Enter your e-mail and password");
        }
        Map<String, Object> session;
        try {
            session = gateway.post(path("/auth/sessions"), Map.of("email", email, "password", password.toString()));
        }
        catch (ApiException ex) {
            throw switch (ex.status()) {
                case 401, 400 -> new BadCredentialsException(ex.getMessage());
                case 423 -> new LockedException(ex.getMessage());
                default -> new AuthenticationServiceException(ex.getMessage());
            };
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> member = (Map<String, Object>) session.get("member");
        ConsoleUser user = new ConsoleUser((String) member.get("id"), (String) member.get("email"),
                (String) member.get("name"), (String) member.get("role"), (String) member.get("enterpriseId"),
                (String) session.get("token"), Instant.parse((String) session.get("expiresAt")));
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
