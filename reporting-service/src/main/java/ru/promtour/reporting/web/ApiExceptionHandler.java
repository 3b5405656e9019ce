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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Bad input as {@code application/problem+json} 400 whose {@code errors} name each field and what is wrong. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(ex.getPropertyName());
        String expected = ex.getRequiredType() == null ? "a valid value"
                : switch (ex.getRequiredType().getSimpleName()) {
                    case "LocalDate" -> "a date yyyy-MM-dd";
                    case "YearMonth" -> "a month yyyy-MM";
                    case "int", "Integer", "long", "Long" -> "a whole number";
                    default -> "a valid " + ex.getRequiredType().getSimpleName();
                };
        return badRequest(List.of(Map.of("field", field, "message", "must be " + expected)));
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
