package ru.promtour.gateway.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed trusted-proxy entry into a short startup report instead of a bean-creation stack trace. */
class InvalidTrustedProxyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTrustedProxyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTrustedProxyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set GATEWAY_TRUSTED_PROXIES (property " + TrustedProxies.PROPERTY + ") to a comma-separated list of "
                        + "addresses or CIDR ranges of the load balancers in front of the gateway, e.g. "
                        + "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16 or fd00::/8; leave it empty when the gateway is the edge.",
                cause);
    }
}
