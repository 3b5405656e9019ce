package ru.promtour.web.gateway;

/**
 * The gateway refused the signed-in person's session token (401): it expired or was revoked (logout elsewhere, the
 * member disabled). The browser's session ends with it ({@code security.SessionEndedHandler}).
 */
public class SessionEndedException extends RuntimeException {

    public SessionEndedException() {
        super("The session has ended; sign in again");
    }
}
