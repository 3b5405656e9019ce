package ru.promtour.reporting.settlement.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 4xx answers the settlement controllers decide themselves, as problem+json with a reason. */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException badRequest(String reason) {
        return of(HttpStatus.BAD_REQUEST, reason);
    }

    static ErrorResponseException forbidden(String reason) {
        return of(HttpStatus.FORBIDDEN, reason);
    }

    static ErrorResponseException notFound(String reason) {
        return of(HttpStatus.NOT_FOUND, reason);
    }

    private static ErrorResponseException of(HttpStatus status, String reason) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, reason), null);
    }
}
