package ru.promtour.logging.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.slf4j.MDC;
import ru.promtour.logging.LogFields;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @ParameterizedTest
    @ValueSource(strings = {"3f8a9c02-8123-4567-8901-234567890123", "req-42", "a.b_c-D9"})
    void aSaneRequestIdIsInTheMdcForTheRequestOnly(String id) throws Exception {
        assertThat(seenDuring(id)).isEqualTo(id);
        assertThat(MDC.get(LogFields.REQUEST_ID)).isNull();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "has space", "semi;colon", "m.ivanova@school42.example", "a:b",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anAbsentOrUnsaneRequestIdIsNotLoggedAndTheRequestGoesOn(String id) throws Exception {
        assertThat(seenDuring(id)).isNull();
    }

    private String seenDuring(String id) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/bookings");
        if (id != null) {
            request.addHeader(RequestIdFilter.HEADER, id);
        }
        AtomicReference<String> seen = new AtomicReference<>("not called");
        filter.doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req,
                            jakarta.servlet.http.HttpServletResponse res) {
                        seen.set(MDC.get(LogFields.REQUEST_ID));
                    }
                }));
        return seen.get();
    }
}
