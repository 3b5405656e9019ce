package ru.promtour.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;
import ru.promtour.web.gateway.SessionEndedException;

import static ru.promtour.web.gateway.GatewayClient.path;

/** Logout revokes the gateway session too, so the token is dead even if it leaked. */
@Component
public class SignOut implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(SignOut.class);

    private final GatewayClient gateway;

    public SignOut(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser)) {
            return;
        }
        try {
            gateway.delete(path("/auth/sessions/current"));
        }
        catch (SessionEndedException ex) {
            // already over at the gateway
        }
        catch (ApiException ex) {
            // the browser's session ends anyway; the token expires on its own
            log.warn("Could not revoke the gateway session of {}: {}", authentication.getPrincipal(), ex.getMessage());
        }
    }
}
