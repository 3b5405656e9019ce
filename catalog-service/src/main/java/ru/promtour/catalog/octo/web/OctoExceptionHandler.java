package ru.promtour.catalog.octo.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.promtour.catalog.octo.OctoException;
import ru.promtour.security.web.JsonErrorPaths;
import tools.jackson.core.JacksonException;

/**
 * Every error of the OCTO controllers in OCTO's shape {@code {"error", "errorMessage"}} (plus the offending id
 * for {@code INVALID_*_ID}), never problem+json: ordered before the catalog's global problem+json advice
 * and limited to {@link OctoController}, so the enterprise API keeps its own. 401/403 are written by
 * platform-security in the same shape.
 */
@RestControllerAdvice(assignableTypes = OctoController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OctoExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OctoExceptionHandler.class);

    @ExceptionHandler(OctoException.class)
    ResponseEntity<Map<String, Object>> octo(OctoException ex) {
        Map<String, Object> body = body(ex.code(), ex.getMessage());
        if (ex.field() != null) {
            // the schema types the id as a string: a missing one is answered as ""
            body.put(ex.field(), ex.value() == null ? "" : ex.value());
        }
        return respond(HttpStatus.BAD_REQUEST, body);
    }

    /** Malformed JSON, a missing body, a wrong type: BAD_REQUEST naming where, as far as Jackson knows. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
        JacksonException jackson = JsonErrorPaths.jacksonCause(ex);
        String message;
        if (jackson == null) {
            message = "a JSON request body is required";
        }
        else if (jackson.getPath().isEmpty()) {
            message = "the request body is not valid JSON";
        }
        else {
            message = JsonErrorPaths.path(jackson.getPath()) + " has the wrong type";
        }
        return respond(HttpStatus.BAD_REQUEST, body(OctoException.BAD_REQUEST, message));
    }

    @ExceptionHandler({HttpMediaTypeException.class, ServletRequestBindingException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception ex) {
        return respond(HttpStatus.BAD_REQUEST, body(OctoException.BAD_REQUEST, ex.getMessage()));
    }

    @ExceptionHandler(OctoController.OctoNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(OctoController.OctoNotFoundException ex) {
        return respond(HttpStatus.NOT_FOUND, body("NOT_FOUND", ex.getMessage()));
    }

    /** A fault of ours: logged with the stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
        log.error("OCTO request failed", ex);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR,
                body("INTERNAL_SERVER_ERROR", "There was an un-recoverable error, please try again"));
    }

    private static Map<String, Object> body(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("errorMessage", message);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
