package ru.promtour.booking.booking.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.logging.LogFields;
import ru.promtour.security.tenant.CurrentTenant;

/**
 * {@code booking.id} in the MDC while a request about one booking is handled: an operator's
 * {@code /octo/bookings/{uuid}…} (the booking id its uuid names) and an enterprise's {@code /api/v1/bookings/{id}…}.
 * An interceptor rather than the controllers' own scope, so the error handlers' lines (written after the
 * controller method has thrown) carry it too; removed when the request completes.
 */
@Component
class BookingLogFields implements HandlerInterceptor, WebMvcConfigurer {

    private final CurrentTenant tenant;

    BookingLogFields(CurrentTenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(
                "/octo/bookings/{uuid}", "/octo/bookings/{uuid}/*", "/api/v1/bookings/{id}", "/api/v1/bookings/{id}/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        String bookingId = variables.get("id");
        if (variables.get("uuid") != null) {
            bookingId = tenant.find().map(t -> OperatorBookings.bookingId(t.id(), variables.get("uuid"))).orElse(null);
        }
        if (bookingId != null && !bookingId.isBlank()) {
            MDC.put(LogFields.BOOKING_ID, bookingId);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        MDC.remove(LogFields.BOOKING_ID);
    }
}
