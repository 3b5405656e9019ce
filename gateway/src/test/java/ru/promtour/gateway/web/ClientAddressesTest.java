package ru.promtour.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a request came from, with and without trusted proxies in front of the gateway. */
class ClientAddressesTest {

    private static final ClientAddresses BEHIND_PROXIES =
        new ClientAddresses(TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8::/32")));
    private static final ClientAddresses AT_THE_EDGE = new ClientAddresses(TrustedProxies.none());

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        // a trusted peer: the right-most untrusted hop is the client
        "10.0.0.2 | 198.51.100.7                     | 198.51.100.7",
        "10.0.0.2 | 198.51.100.7, 10.0.0.9           | 198.51.100.7",
        "10.0.0.2 | 6.6.6.6, 198.51.100.7, 10.0.0.9  | 198.51.100.7",
        "10.0.0.2 | 198.51.100.7,10.1.1.1 ,10.0.0.9  | 198.51.100.7",
        "10.0.0.2 | 2001:DB8::5, 2001:0db8:0::1      | 2001:db8:0:0:0:0:0:5",
        "10.0.0.2 | [2001:db8::5]                    | 2001:db8:0:0:0:0:0:5",
        "10.0.0.2 | 2a00:1450::1                     | 2a00:1450:0:0:0:0:0:1",
        "10.0.0.2 | ::ffff:203.0.113.4               | 203.0.113.4",
        // garbage or nothing: the peer, or the last address the walk could read
        "10.0.0.2 |                                  | 10.0.0.2",
        "10.0.0.2 | '   '                            | 10.0.0.2",
        "10.0.0.2 | unknown                          | 10.0.0.2",
        "10.0.0.2 | example.org                      | 10.0.0.2",
        "10.0.0.2 | 198.51.100.7:4711                | 10.0.0.2",
        "10.0.0.2 | 198.51.100.7, _hidden            | 10.0.0.2",
        "10.0.0.2 | 198.51.100.7, , 10.0.0.9         | 10.0.0.9",
        "10.0.0.2 | 198.51.100.7, nonsense, 10.0.0.9 | 10.0.0.9",
        "10.0.0.2 | 10.0.0.7                         | 10.0.0.7",
        // an untrusted peer: the header is ignored whatever it says
        "203.0.113.9 | 198.51.100.7                  | 203.0.113.9",
        "203.0.113.9 | 198.51.100.7, 10.0.0.9        | 203.0.113.9",
    })
    void theClientIsTheRightMostUntrustedHopWhenThePeerIsATrustedProxy(String peer, String forwardedFor, String client) {
        assertThat(BEHIND_PROXIES.clientAddress(exchange(peer, forwardedFor))).isEqualTo(client);
    }

    @Test
    void severalHeaderLinesAreReadAsOneListInOrder() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/")
            .remoteAddress(new InetSocketAddress("10.0.0.2", 40000))
            .header("X-Forwarded-For", "6.6.6.6", "198.51.100.7")
            .header("X-Forwarded-For", "10.0.0.9"));
        assertThat(BEHIND_PROXIES.clientAddress(exchange)).isEqualTo("198.51.100.7");
    }

    @Test
    void atTheEdgeTheClientIsAlwaysThePeer() {
        assertThat(AT_THE_EDGE.clientAddress(exchange("10.0.0.2", "198.51.100.7"))).isEqualTo("10.0.0.2");
        assertThat(AT_THE_EDGE.fromTrustedProxy(exchange("10.0.0.2", "198.51.100.7"))).isFalse();
    }

    @Test
    void onlyATrustedPeerIsBelievedAboutForwardedHeaders() {
        assertThat(BEHIND_PROXIES.fromTrustedProxy(exchange("10.0.0.2", null))).isTrue();
        assertThat(BEHIND_PROXIES.fromTrustedProxy(exchange("203.0.113.9", null))).isFalse();
    }

    @Test
    void aRequestWithoutAPeerIsUnknownNeverAnError() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
            MockServerHttpRequest.get("/").header("X-Forwarded-For", "198.51.100.7"));
        assertThat(BEHIND_PROXIES.clientAddress(exchange)).isEqualTo("unknown");
        assertThat(BEHIND_PROXIES.fromTrustedProxy(exchange)).isFalse();
    }

    private static MockServerWebExchange exchange(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/catalog/excursions")
            .remoteAddress(new InetSocketAddress(peer, 40000))
            .header(HttpHeaders.HOST, "gateway.test");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
