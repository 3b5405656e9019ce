package ru.promtour.gateway.instances;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads one instance of a service from its base URL, so that
 * {@code spring.cloud.discovery.client.simple.instances.<service>} takes the comma-separated list of
 * {@code CATALOG_SERVICE_URL} and the like (the binder splits the list and converts each element here). The URL is
 * checked at start: a typo stops the gateway with the offending value instead of a 503 at the first request.
 */
public final class InstanceUri implements Converter<String, InstanceProperties> {

    @Override
    public InstanceProperties convert(String source) {
        String url = source.strip();
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("Not a service instance URL: '" + url + "' (" + ex.getReason() + ")", ex);
        }
        String scheme = uri.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not a service instance URL: '" + url
                    + "' (expected http://host:port or https://host:port)");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
            // routes forward paths unchanged: a base path here would be silently dropped by the load balancer
            throw new IllegalArgumentException("A service instance URL has no path: '" + url + "'");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        InstanceProperties instance = new InstanceProperties();
        instance.setUri(uri);
        instance.setPort(port);
        // the instance's name in logs and load balancer statistics
        instance.setInstanceId(uri.getHost() + ":" + port);
        return instance;
    }
}
