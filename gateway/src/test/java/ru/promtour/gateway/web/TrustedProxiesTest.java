package ru.promtour.gateway.web;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code platform.edge.trusted-proxies}: CIDR ranges and bare addresses, anything else stops the start. */
class TrustedProxiesTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
        .withUserConfiguration(EdgeConfiguration.class);

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
        "10.0.0.0/8,         10.255.1.2,       true",
        "10.0.0.0/8,         11.0.0.1,         false",
        "172.16.0.0/12,      172.31.255.255,   true",
        "172.16.0.0/12,      172.32.0.1,       false",
        "127.0.0.1,          127.0.0.1,        true",
        "127.0.0.1,          127.0.0.2,        false",
        "127.0.0.1/32,       127.0.0.1,        true",
        "192.168.1.77/24,    192.168.1.3,      true",
        "0.0.0.0/0,          203.0.113.9,      true",
        "fd00::/8,           fd12:3456::1,     true",
        "fd00::/8,           fe80::1,          false",
        "::1,                ::1,              true",
        "[2001:db8::1],      2001:db8:0::1,    true",
        "2001:db8::/32,      2001:db8:ffff::9, true",
        "10.0.0.0/8,         ::ffff:10.1.1.1,  true",
        "::/0,               10.1.1.1,         false",
        "10.0.0.0/8,         ::1,              false",
    })
    void aRangeOrAddressTrustsExactlyTheAddressesItCovers(String entry, String address, boolean trusted) throws Exception {
        assertThat(TrustedProxies.parse(List.of(entry)).trusts(InetAddress.getByName(address))).isEqualTo(trusted);
    }

    @Test
    void severalEntriesTrustTheUnionAndBlankEntriesAreSkipped() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse(Arrays.asList(" 10.0.0.0/8 ", "", null, "192.168.0.0/16", " "));
        assertThat(proxies.trusts(InetAddress.getByName("10.9.9.9"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("192.168.5.5"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("172.16.0.1"))).isFalse();
        assertThat(proxies).hasToString("10.0.0.0/8,192.168.0.0/16");
    }

    @Test
    void noEntriesTrustNoOne() throws Exception {
        assertThat(TrustedProxies.parse(List.of()).isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(null).trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(TrustedProxies.none().trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"localhost", "proxy.internal", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/-1",
        "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/abc", "::1/129", "fe80::1%eth0", "10.0.0.1:8080", "*", "10.0.0.0 /8"})
    void anEntryThatIsNotAnAddressOrRangeIsRefusedNamingIt(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/8", entry)))
            .isInstanceOf(InvalidTrustedProxyException.class)
            .hasMessageContaining("platform.edge.trusted-proxies")
            .hasMessageContaining("GATEWAY_TRUSTED_PROXIES")
            .hasMessageContaining("'" + entry.strip() + "'");
    }

    @Test
    void aMalformedEntryStopsTheStartWithAReportSayingWhatToSet() {
        gateway.withPropertyValues("platform.edge.trusted-proxies=10.0.0.0/8,haproxy").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(InvalidTrustedProxyException.class)
                .hasMessageContaining("'haproxy'").hasMessageContaining("host names are not accepted");
            FailureAnalysis analysis = new InvalidTrustedProxyFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("platform.edge.trusted-proxies").contains("'haproxy'");
            assertThat(analysis.getAction()).contains("GATEWAY_TRUSTED_PROXIES").contains("10.0.0.0/8");
        });
    }

    @Test
    void theFailureAnalyzerFindsTheCauseInsideABeanCreationFailure() {
        InvalidTrustedProxyException cause = new InvalidTrustedProxyException("10.0.0.0/40", "has a bad prefix");
        FailureAnalysis analysis = new InvalidTrustedProxyFailureAnalyzer().analyze(new BeanCreationException("clientAddresses", cause));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", "127.0.0.1/32", "::1,fd00::/8"})
    void emptyOrWellFormedListsStart(String value) {
        gateway.withPropertyValues("platform.edge.trusted-proxies=" + value)
            .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ClientAddresses.class));
    }
}
