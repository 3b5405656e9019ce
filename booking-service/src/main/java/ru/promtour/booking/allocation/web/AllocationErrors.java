package ru.promtour.booking.allocation.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.booking.allocation.AllocationRefusal;

/**
 * Errors of the allocations API as {@code application/problem+json} with a title and a detail: the service's
 * refusals by their kind, an operator's grant 403, and Spring MVC's own rejections (unreadable JSON, a wrong
 * method) keep their problem details from the base class.
 */
@RestControllerAdvice(assignableTypes = AllocationController.class)
class AllocationErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(AllocationRefusal.class)
    ResponseEntity<ProblemDetail> refusal(AllocationRefusal ex) {
        HttpStatus status = switch (ex.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(status, ex.getMessage());
    }

    @ExceptionHandler(AllocationController.AllocationForbidden.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return problem(HttpStatus.FORBIDDEN, "An enterprise grants allocations of its seats; an operator cannot");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(problem);
    }
}
