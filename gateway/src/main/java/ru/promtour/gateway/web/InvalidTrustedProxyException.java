package ru.promtour.gateway.web;

/** An entry of {@code platform.edge.trusted-proxies} is not an address or a CIDR range: the gateway does not start. */
public class InvalidTrustedProxyException extends IllegalStateException {

    InvalidTrustedProxyException(String entry, String reason) {
        super(TrustedProxies.PROPERTY + " (GATEWAY_TRUSTED_PROXIES): the entry '" + entry + "' " + reason);
    }
}
