package ru.promtour.booking.booking.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.promtour.booking.booking.BookingRefusal;

/**
 * Errors of the enterprise API as {@code application/problem+json}: an unknown or foreign booking is 404,
 * a decision on a booking not awaiting one is 409, bad input 400 naming the field; Spring MVC's own
 * rejections (bad JSON, wrong method) keep their problem details from the base class.
 */
@RestControllerAdvice(assignableTypes = {EnterpriseBookingController.class, ManifestController.class,
        NoShowController.class})
class EnterpriseErrors extends ResponseEntityExceptionHandler {

    private static final Map<BookingRefusal.Code, HttpStatus> STATUS = Map.of(
            BookingRefusal.Code.INVALID_BOOKING_UUID, HttpStatus.NOT_FOUND,
            BookingRefusal.Code.UNPROCESSABLE_ENTITY, HttpStatus.CONFLICT);

    @ExceptionHandler(BookingRefusal.class)
    ResponseEntity<ProblemDetail> refusal(BookingRefusal ex) {
        HttpStatus status = STATUS.getOrDefault(ex.code(), HttpStatus.BAD_REQUEST);
        String detail = status == HttpStatus.NOT_FOUND ? "The requested resource does not exist" : ex.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(problem);
    }
}
