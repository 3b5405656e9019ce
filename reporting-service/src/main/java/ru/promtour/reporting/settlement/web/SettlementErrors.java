package ru.promtour.reporting.settlement.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.reporting.settlement.SettlementConflictException;
import ru.promtour.security.web.JsonErrorPaths;
import tools.jackson.core.JacksonException;

/**
 * The settlement API's errors as {@code application/problem+json}: bad input is a 400 whose {@code errors} name each
 * field, a closed month or an agreement in force a 409 with the reason. Scoped to these controllers (and first), so
 * another feature's advice neither changes nor is changed by it.
 */
@RestControllerAdvice(basePackageClasses = SettlementErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettlementErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(SettlementConflictException.class)
    ResponseEntity<Object> conflict(SettlementConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(problem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(problem(error.getObjectName(), error.getDefaultMessage())));
        return badRequest(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = JsonErrorPaths.jacksonCause(ex);
        if (jackson == null) {
            return badRequest(List.of(problem("body", "a JSON body is required")));
        }
        String path = JsonErrorPaths.path(jackson.getPath());
        return badRequest(List.of(path.isEmpty() ? problem("body", "is not valid JSON")
                : problem(path, "has the wrong type or an unknown value")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return badRequest(List.of(problem(field == null ? "parameter" : field, "has the wrong format")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(problem(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                problems.add(problem(String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage())))));
        return badRequest(problems);
    }

    private static Map<String, String> problem(String field, String message) {
        return Map.of("field", field, "message", String.valueOf(message));
    }

    private static ResponseEntity<Object> badRequest(List<Map<String, String>> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: "
                + String.join(", ", problems.stream().map(p -> p.get("field")).distinct().toList()));
        problem.setTitle("Bad Request");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }
}
