package ru.promtour.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;

/**
 * Where a webhook may point (SSRF): a public {@code https} URL whose host resolves only to public unicast
 * addresses. Private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), multicast, any-local, CGNAT 100.64/10 and the other reserved ranges are refused,
 * also when they hide in an IPv4-mapped or NAT64 IPv6 address. Checked when a webhook is registered, and again
 * at each delivery by {@link #resolve}, which the HTTP client uses as its DNS resolver: the connection goes to
 * exactly the addresses checked, so a name that changes its answer in between (DNS rebinding) gains nothing.
 * With {@code notification.webhooks.allow-http-loopback} (local and test profiles only) {@code http} and
 * loopback addresses are accepted too, so a receiver on localhost works.
 */
@Component
public class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean allowHttpLoopback;

    public WebhookTargets(NotificationProperties properties) {
        this.allowHttpLoopback = properties.webhooks().allowHttpLoopback();
    }

    /**
     * The URL, checked: syntax, scheme, no credentials, a host that resolves to allowed addresses only.
     *
     * @throws RefusedWebhookException naming why it is refused
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedWebhookException("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new RefusedWebhookException("url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        }
        catch (URISyntaxException ex) {
            throw new RefusedWebhookException("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttpLoopback && scheme.equals("http"))) {
            throw new RefusedWebhookException("url must be an https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedWebhookException("url must not carry credentials");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedWebhookException("url has no host");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedWebhookException("url must not have a fragment");
        }
        try {
            resolve(uri.getHost());
        }
        catch (RefusedAddressException ex) {
            throw new RefusedWebhookException("url points to an address that is not allowed: " + ex.getMessage());
        }
        catch (UnknownHostException ex) {
            throw new RefusedWebhookException("url's host does not resolve");
        }
        return uri;
    }

    /**
     * Resolves a host and checks every address it has; one refused address refuses the host (an attacker's name
     * may mix public and private answers).
     *
     * @throws RefusedAddressException when an address is not allowed
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        for (InetAddress address : addresses) {
            String why = refusal(address, allowHttpLoopback);
            if (why != null) {
                throw new RefusedAddressException(address.getHostAddress() + " (" + why + ")");
            }
        }
        return addresses;
    }

    /** Why an address may not be called, or null when it may. */
    static String refusal(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "any-local";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff
                    || isZero(b, 0, 12) || (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12))) {
                // IPv4-mapped, IPv4-compatible or NAT64: judged by the IPv4 address inside
                InetAddress inner = v4(Arrays.copyOfRange(b, 12, 16));
                String why = inner == null ? "reserved" : refusal(inner, false);
                return why == null ? null : why + ", embedded in IPv6";
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                InetAddress inner = v4(Arrays.copyOfRange(b, 2, 6));
                String why = inner == null ? "reserved" : refusal(inner, false);
                return why == null ? null : why + ", embedded in 6to4";
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "documentation";
            }
        }
        return null;
    }

    private static String refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return "this network";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "carrier-grade NAT (100.64/10)";
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return "reserved";
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return "benchmarking";
        }
        if (a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
            return "documentation";
        }
        if (a0 >= 240) {
            return "reserved";
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

    /** A host that resolves to an address a webhook may not call. */
    public static class RefusedAddressException extends UnknownHostException {

        public RefusedAddressException(String message) {
            super(message);
        }
    }
}
