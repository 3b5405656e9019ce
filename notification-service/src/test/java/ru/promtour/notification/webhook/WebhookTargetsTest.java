package ru.promtour.notification.webhook;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The address rules of webhook targets (SSRF), on IP literals: no DNS needed. */
class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.10", "127.0.0.1", "127.9.9.9",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.251", "239.1.1.1",
            "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1", "fc00::1",
            "fd00:ec2::254", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe", "2002:0a00:0001::1", "::10.0.0.1", "2001:db8::1"})
    void privateLoopbackLinkLocalMulticastReservedAndTheirIpv6DisguisesAreRefused(String ip) throws Exception {
        assertThat(WebhookTargets.refusal(InetAddress.getByName(ip), false)).as(ip).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "77.88.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "2a02:6b8::feed:0ff", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void publicUnicastAddressesAreAllowed(String ip) throws Exception {
        assertThat(WebhookTargets.refusal(InetAddress.getByName(ip), false)).as(ip).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void loopbackOnlyWhenTheLocalProfileAllowsIt(String ip) throws Exception {
        assertThat(WebhookTargets.refusal(InetAddress.getByName(ip), true)).isNull();
        assertThat(WebhookTargets.refusal(InetAddress.getByName("10.0.0.1"), true)).isEqualTo("private");
    }
}
