package ru.promtour.reporting.settlement.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.promtour.reporting.settlement.SettlementConflictException;

/**
 * A closed month or an agreement in force as {@code application/problem+json} 409 with the reason. Bad input is the
 * service's one {@code ApiExceptionHandler}'s (a 400 whose {@code errors} name each field).
 */
@RestControllerAdvice(basePackageClasses = SettlementErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettlementErrors {

    @ExceptionHandler(SettlementConflictException.class)
    ResponseEntity<Object> conflict(SettlementConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
