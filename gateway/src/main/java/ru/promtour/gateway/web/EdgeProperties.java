package ru.promtour.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway stands ({@code platform.edge}).
 *
 * @param trustedProxies addresses or CIDR ranges of the load balancers in front of the gateway
 *                       ({@code GATEWAY_TRUSTED_PROXIES}); empty: the gateway is the edge (see {@link ClientAddresses})
 */
@ConfigurationProperties("platform.edge")
public record EdgeProperties(List<String> trustedProxies) {

    public EdgeProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
