package ru.promtour.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.security.web.JsonErrorPaths;
import tools.jackson.core.JacksonException;

/**
 * Bad input to any of the service's endpoints as {@code application/problem+json} 400 whose {@code errors} name each
 * field (a query parameter, a bound query's field, a body's JSON path) and what is wrong.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
    }

    /** No body, a body that is not JSON, or a value of the wrong type at a JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = JsonErrorPaths.jacksonCause(ex);
        if (jackson == null) {
            return badRequest(List.of(Map.of("field", "body", "message", "a JSON body is required")));
        }
        String path = JsonErrorPaths.path(jackson.getPath());
        return badRequest(List.of(path.isEmpty() ? Map.of("field", "body", "message", "is not valid JSON")
                : Map.of("field", path, "message", "has the wrong type or an unknown value")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        field = field == null ? "parameter" : field;
        String expected = ex.getRequiredType() == null ? "a valid value" : expected(ex.getRequiredType());
        return badRequest(List.of(Map.of("field", field, "message", "must be " + expected)));
    }

    private static String expected(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date yyyy-MM-dd";
            case "YearMonth" -> "a month yyyy-MM";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a valid " + type.getSimpleName();
        };
    }

    /** A bound query or body ({@code @Valid}): a missing, malformed (binding failure) or invalid field. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> problems.add(Map.of("field", error.getField(),
                "message", error.isBindingFailure() ? "must be " + expected(error.getField(), ex)
                        : String.valueOf(error.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors().forEach(error -> problems.add(Map.of("field", error.getObjectName(),
                "message", String.valueOf(error.getDefaultMessage()))));
        return badRequest(problems);
    }

    private static String expected(String field, MethodArgumentNotValidException ex) {
        Class<?> type = ex.getBindingResult().getFieldType(field);
        return type == null ? "a valid value" : expected(type);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                problems.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return badRequest(problems);
    }

    private static ResponseEntity<Object> badRequest(List<Map<String, String>> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: "
                + String.join(", ", problems.stream().map(p -> p.get("field") + " " + p.get("message")).toList()));
        problem.setTitle("Bad Request");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }
}
