package ru.promtour.gateway.auth;

/** The configured admin key cannot be used; the message names the property and why, never the key. */
public class InvalidAdminKeyException extends IllegalStateException {

    InvalidAdminKeyException(String reason) {
        super(AdminKey.PROPERTY + " (ADMIN_API_KEY) " + reason + ": the gateway does not start without a usable admin key");
    }
}
