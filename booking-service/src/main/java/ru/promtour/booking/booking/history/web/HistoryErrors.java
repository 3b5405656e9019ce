package ru.promtour.booking.booking.history.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.booking.booking.history.HistoryRefusal;
import ru.promtour.security.web.JsonErrorPaths;
import tools.jackson.core.JacksonException;

/**
 * Errors of the history import as {@code application/problem+json} 400 whose {@code errors} array names each field
 * ({@code bookings[2].unitItems[0].quantity}), malformed JSON and unknown enum values included.
 */
@RestControllerAdvice(assignableTypes = HistoryBookingController.class)
class HistoryErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(HistoryRefusal.class)
    ResponseEntity<Object> refused(HistoryRefusal ex) {
        return badRequest(ex.problems());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<HistoryRefusal.Problem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(error -> problems.add(new HistoryRefusal.Problem(error.getField(), error.getDefaultMessage())));
        return badRequest(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = JsonErrorPaths.jacksonCause(ex);
        if (jackson == null) {
            return badRequest(List.of(new HistoryRefusal.Problem("body", "a JSON body is required")));
        }
        String path = JsonErrorPaths.path(jackson.getPath());
        return badRequest(List.of(path.isEmpty() ? new HistoryRefusal.Problem("body", "is not valid JSON")
                : new HistoryRefusal.Problem(path, "has the wrong type or an unknown value")));
    }

    private static ResponseEntity<Object> badRequest(List<HistoryRefusal.Problem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid import: "
                + String.join(", ", problems.stream().map(HistoryRefusal.Problem::field).distinct().limit(20).toList()));
        problem.setTitle("Bad Request");
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }
}
