package ru.promtour.notification.webhook.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.notification.webhook.RefusedWebhookException;
import ru.promtour.security.tenant.NotFoundForTenantException;

/**
 * Errors of {@code /octo/webhooks} in OCTO's shape {@code {"error": CODE, "errorMessage": ...}}, never problem+json:
 * a refused URL or body is {@code BAD_REQUEST} 400, an unknown or another operator's webhook 404.
 */
@RestControllerAdvice(assignableTypes = WebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OctoWebhookErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OctoWebhookErrors.class);

    @ExceptionHandler(RefusedWebhookException.class)
    ResponseEntity<Object> refused(RefusedWebhookException ex) {
        return octo(HttpStatus.BAD_REQUEST, "BAD_REQUEST", ex.getMessage());
    }

    @ExceptionHandler(NotFoundForTenantException.class)
    ResponseEntity<Object> notFound(NotFoundForTenantException ex) {
        return octo(HttpStatus.NOT_FOUND, "NOT_FOUND", "The webhook does not exist");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected failure on an OCTO webhook request", ex);
        return octo(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR", "There was an un-recoverable error, please try again");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return octo(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The body must be a JSON object {\"url\", \"event\"[, \"productIds\"]}");
    }

    /** A parameter of the wrong type, named; its value is not echoed (a repeated one would read as {@code [Ljava.lang.String;@…}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return octo(HttpStatus.BAD_REQUEST, "BAD_REQUEST", (name == null ? "A parameter" : name) + " has the wrong format");
    }

    /**
     * Everything else Spring MVC rejects (method, media type, parameters): OCTO's shape, the status kept, and the
     * problem detail Spring wrote for a client, not the exception's message, which may name Java types.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        boolean server = statusCode.is5xxServerError();
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail()
                : HttpStatus.valueOf(statusCode.value()).getReasonPhrase();
        return octo(HttpStatus.valueOf(statusCode.value()), server ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST",
                server ? "There was an un-recoverable error, please try again" : detail);
    }

    private static ResponseEntity<Object> octo(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("errorMessage", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
