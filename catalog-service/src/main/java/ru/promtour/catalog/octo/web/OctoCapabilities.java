package ru.promtour.catalog.octo.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code Octo-Capabilities} header: the capabilities a request initialises. The answer names those of
 * them the catalog supports (OCTO: "the Capabilities initialized with your request"), so a reseller sees
 * at once when it asked for one that is not offered.
 */
final class OctoCapabilities {

    static final String HEADER = "Octo-Capabilities";
    static final String PRICING = "octo/pricing";
    /** Served by notification-service ({@code /octo/webhooks}); the catalog announces it for the platform. */
    static final String WEBHOOKS = "octo/webhooks";
    /** What the platform implements; {@code octo/content} is not offered (its fields are not filled). */
    static final List<String> SUPPORTED = List.of(PRICING, WEBHOOKS);

    private OctoCapabilities() {
    }

    /** The supported capabilities among those of a comma-separated header value (null: none). */
    static Set<String> initialised(String header) {
        Set<String> result = new LinkedHashSet<>();
        if (header != null) {
            Arrays.stream(header.split(",")).map(String::trim).filter(SUPPORTED::contains).forEach(result::add);
        }
        return result;
    }

    static boolean pricing(String header) {
        return initialised(header).contains(PRICING);
    }
}
