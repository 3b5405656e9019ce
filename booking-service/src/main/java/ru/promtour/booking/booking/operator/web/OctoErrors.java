package ru.promtour.booking.booking.operator.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.security.tenant.NotFoundForTenantException;
import ru.promtour.security.web.JsonErrorPaths;
import tools.jackson.core.JacksonException;

/**
 * Every error of {@code /octo/bookings} in OCTO's shape {@code {"error": CODE, "errorMessage": ...}} (never
 * problem+json): refusals with their code and the offending value under the spec's field name, bad JSON as
 * BAD_REQUEST naming the field, and an unexpected failure as INTERNAL_SERVER_ERROR without details.
 */
@RestControllerAdvice(assignableTypes = OctoBookingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OctoErrors extends ResponseEntityExceptionHandler {

    private final int retryAfterSeconds;

    OctoErrors(BookingProperties properties) {
        this.retryAfterSeconds = properties.admission().retryAfterSeconds();
    }

    private static final Logger log = LoggerFactory.getLogger(OctoErrors.class);

    @ExceptionHandler(BookingRefusal.class)
    ResponseEntity<Object> refusal(BookingRefusal ex) {
        Map<String, Object> body = body(ex.code().name(), ex.getMessage());
        if (ex.code().field() != null) {
            body.put(ex.code().field(), ex.value() == null ? "" : ex.value());
        }
        return json(HttpStatus.BAD_REQUEST, body);
    }

    /** Load shed (429) or a slot too busy (503), with Retry-After: a fast answer the client (and the gateway) can act on. */
    @ExceptionHandler(Overloaded.class)
    ResponseEntity<Object> overloaded(Overloaded ex) {
        HttpStatus status = ex.shed() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .body(body(ex.shed() ? "TOO_MANY_REQUESTS" : "INTERNAL_SERVER_ERROR", ex.getMessage()));
    }

    @ExceptionHandler(NotFoundForTenantException.class)
    ResponseEntity<Object> notFound(NotFoundForTenantException ex) {
        Map<String, Object> body = body("INVALID_BOOKING_UUID", "The uuid was missing or invalid");
        body.put("uuid", "");
        return json(HttpStatus.BAD_REQUEST, body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure on an OCTO booking request", ex);
        return json(HttpStatus.INTERNAL_SERVER_ERROR,
                body("INTERNAL_SERVER_ERROR", "There was an un-recoverable error, please try again"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = JsonErrorPaths.jacksonCause(ex);
        String message;
        if (jackson == null) {
            message = "A JSON body is required";
        }
        else {
            String path = JsonErrorPaths.path(jackson.getPath());
            message = path.isEmpty() ? "The body is not valid JSON" : path + " has the wrong type or an unknown value";
        }
        return json(HttpStatus.BAD_REQUEST, body("BAD_REQUEST", message));
    }

    /** Everything else Spring MVC rejects (method, media type, parameters): OCTO's shape, the status kept. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String code = statusCode.is5xxServerError() ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
        String message = statusCode.is5xxServerError() ? "There was an un-recoverable error, please try again"
                : ex.getMessage();
        return json(HttpStatus.valueOf(statusCode.value()), body(code, message));
    }

    private static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("errorMessage", message);
        return body;
    }

    private static ResponseEntity<Object> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
