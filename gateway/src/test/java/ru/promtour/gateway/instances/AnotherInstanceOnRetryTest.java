package ru.promtour.gateway.instances;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.gateway.instances.InstanceListsFixture.A;
import static ru.promtour.gateway.instances.InstanceListsFixture.B;
import static ru.promtour.gateway.instances.InstanceListsFixture.offering;

class AnotherInstanceOnRetryTest {

    @Test
    void aFirstAttemptSeesEveryInstance() {
        AnotherInstanceOnRetry instances = new AnotherInstanceOnRetry(offering(List.of(A, B)));

        assertThat(instances.get(request(new HashMap<>())).blockFirst()).containsExactly(A, B);
    }

    @Test
    void aRetryLeavesOutTheInstanceThePreviousAttemptWentTo() {
        AnotherInstanceOnRetry instances = new AnotherInstanceOnRetry(offering(List.of(A, B)));
        Map<String, Object> exchange = new HashMap<>();
        exchange.put(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(A));

        assertThat(instances.get(request(exchange)).blockFirst()).containsExactly(B);
    }

    @Test
    void aRetryGoesToTheSameInstanceWhenItIsTheOnlyOne() {
        AnotherInstanceOnRetry instances = new AnotherInstanceOnRetry(offering(List.of(A)));
        Map<String, Object> exchange = new HashMap<>();
        exchange.put(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(A));

        assertThat(instances.get(request(exchange)).blockFirst()).containsExactly(A);
    }

    private static Request<RequestDataContext> request(Map<String, Object> exchangeAttributes) {
        RequestData data = new RequestData(HttpMethod.POST, URI.create("http://booking-service/octo/bookings"),
                new HttpHeaders(), new LinkedMultiValueMap<>(), exchangeAttributes);
        return new DefaultRequest<>(new RequestDataContext(data));
    }
}
