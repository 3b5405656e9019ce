package ru.promtour.gateway.instances;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectRetryGatewayFilterFactoryTest {

    @Test
    void aRefusedOrTimedOutConnectionCouldNotConnect() {
        assertThat(ConnectRetryGatewayFilterFactory.couldNotConnect(new ConnectException("Connection refused"))).isTrue();
        assertThat(ConnectRetryGatewayFilterFactory.couldNotConnect(new ConnectTimeoutException("connection timed out"))).isTrue();
        assertThat(ConnectRetryGatewayFilterFactory.couldNotConnect(
                new IllegalStateException("wrapped", new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aFailureAfterTheRequestWasSentIsNotAConnectFailure() {
        // the service may have acted on these: a non-GET must not be sent again
        assertThat(ConnectRetryGatewayFilterFactory.couldNotConnect(ReadTimeoutException.INSTANCE)).isFalse();
        assertThat(ConnectRetryGatewayFilterFactory.couldNotConnect(new TimeoutException("response timeout"))).isFalse();
        assertThat(ConnectRetryGatewayFilterFactory.couldNotConnect(new IOException("Connection prematurely closed"))).isFalse();
    }
}
