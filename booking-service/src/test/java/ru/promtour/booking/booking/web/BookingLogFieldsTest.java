package ru.promtour.booking.booking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.servlet.HandlerMapping;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.logging.LogFields;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

class BookingLogFieldsTest {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final BookingLogFields fields = new BookingLogFields(new CurrentTenant(holder));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void clear() {
        holder.clearContext();
        MDC.clear();
    }

    @Test
    void anOperatorsUuidNamesTheBookingIdUntilTheRequestCompletes() {
        holder.setContext(new SecurityContextImpl(authenticated(new Tenant(TenantType.OPERATOR, "op-1", "key-1", "req-1"))));
        MockHttpServletRequest request = request(Map.of("uuid", "5b0c7a6e-0f6b-4c55-9d53-2f3c1a9b8e01"));

        fields.preHandle(request, response, new Object());
        assertThat(MDC.get(LogFields.BOOKING_ID))
            .isEqualTo(OperatorBookings.bookingId("op-1", "5b0c7a6e-0f6b-4c55-9d53-2f3c1a9b8e01"));

        fields.afterCompletion(request, response, new Object(), new IllegalStateException("failed"));
        assertThat(MDC.get(LogFields.BOOKING_ID)).isNull();
    }

    @Test
    void anEnterprisesPathNamesTheBookingIdItself() {
        MockHttpServletRequest request = request(Map.of("id", "b-42"));

        fields.preHandle(request, response, new Object());

        assertThat(MDC.get(LogFields.BOOKING_ID)).isEqualTo("b-42");
    }

    @Test
    void anOctoUuidWithoutATenantPutsNothing() {
        fields.preHandle(request(Map.of("uuid", "5b0c7a6e-0f6b-4c55-9d53-2f3c1a9b8e01")), response, new Object());

        assertThat(MDC.get(LogFields.BOOKING_ID)).isNull();
    }

    private static MockHttpServletRequest request(Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }

    private static UsernamePasswordAuthenticationToken authenticated(Tenant tenant) {
        return UsernamePasswordAuthenticationToken.authenticated(tenant, null, List.of());
    }
}
