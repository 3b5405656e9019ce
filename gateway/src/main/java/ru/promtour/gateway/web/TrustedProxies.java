package ru.promtour.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * The addresses whose {@code X-Forwarded-*} headers the gateway believes ({@code platform.edge.trusted-proxies}):
 * CIDR ranges or bare addresses, IPv4 and IPv6. Empty means the gateway is the edge and trusts no one.
 * <p>
 * Only literal addresses are read, by Netty's parser, which never asks DNS: a host name here would make trust depend
 * on a resolver, and an address in a request header must never trigger a lookup. The ranges are Netty's
 * {@link IpSubnetFilterRule}, as in Spring Cloud Gateway's {@code RemoteAddr} predicate: Spring Security's
 * {@code IpAddressMatcher} is not on the gateway's classpath and needs the servlet API even to compile against.
 */
public final class TrustedProxies {

    static final String PROPERTY = "platform.edge.trusted-proxies";

    private static final Pattern MASK = Pattern.compile("[0-9]{1,3}");

    private final List<String> ranges;
    private final List<IpSubnetFilterRule> rules;

    private TrustedProxies(List<String> ranges, List<IpSubnetFilterRule> rules) {
        this.ranges = List.copyOf(ranges);
        this.rules = List.copyOf(rules);
    }

    /** No proxy is trusted: the gateway is the edge. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), List.of());
    }

    /**
     * Reads the configured entries (blank ones are skipped, so a trailing comma is harmless).
     *
     * @throws InvalidTrustedProxyException naming the first entry that is neither an address nor a CIDR range
     */
    public static TrustedProxies parse(Collection<String> entries) {
        List<String> ranges = new ArrayList<>();
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String raw : entries == null ? List.<String>of() : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (!entry.isEmpty()) {
                rules.add(rule(entry));
                ranges.add(entry);
            }
        }
        return new TrustedProxies(ranges, rules);
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress parsed = literal(address);
        if (parsed == null) {
            throw new InvalidTrustedProxyException(entry, "is not an IPv4 or IPv6 address (host names are not accepted)");
        }
        int maxBits = parsed.getAddress().length * 8;
        if (slash < 0) {
            return new IpSubnetFilterRule(parsed, maxBits, IpFilterRuleType.ACCEPT);
        }
        String mask = entry.substring(slash + 1);
        if (!MASK.matcher(mask).matches() || Integer.parseInt(mask) > maxBits) {
            throw new InvalidTrustedProxyException(entry, "has a prefix length that is not a number from 0 to " + maxBits);
        }
        return new IpSubnetFilterRule(parsed, Integer.parseInt(mask), IpFilterRuleType.ACCEPT);
    }

    /** The address written literally in {@code text} (IPv6 also in brackets), or null: never a DNS lookup. */
    static InetAddress literal(String text) {
        return text == null || text.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(text);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether {@code address} is in one of the trusted ranges. */
    public boolean trusts(InetAddress address) {
        if (address == null || rules.isEmpty()) {
            return false;
        }
        InetSocketAddress socketAddress = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : rules) {
            if (rule.matches(socketAddress)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : String.join(",", ranges);
    }
}
