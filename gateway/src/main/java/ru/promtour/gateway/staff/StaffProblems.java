package ru.promtour.gateway.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The refusals of the staff endpoints, as problem+json (rendered by the gateway's exception handler). One wording
 * per kind on purpose: a wrong password, an unknown e-mail and an account without a usable password read the same,
 * as do an unknown, used and expired invitation.
 */
final class StaffProblems {

    static final String WRONG_CREDENTIALS = "Wrong e-mail or password";
    static final String INVALID_INVITATION = "The invitation is not valid or has expired";

    private StaffProblems() {
    }

    static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ErrorResponseException wrongCredentials() {
        return of(HttpStatus.UNAUTHORIZED, WRONG_CREDENTIALS);
    }

    static ErrorResponseException invalidInvitation() {
        return of(HttpStatus.BAD_REQUEST, INVALID_INVITATION);
    }

    static ErrorResponseException noSession() {
        ErrorResponseException problem = of(HttpStatus.UNAUTHORIZED, StaffSessions.ENDED);
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem;
    }

    static ErrorResponseException locked(String detail, Instant lockedUntil) {
        ErrorResponseException problem = of(HttpStatus.LOCKED, detail);
        problem.getBody().setProperty("lockedUntil", lockedUntil.toString());
        return problem;
    }

    /** A field the request's validation could not judge alone, in the same shape as a validation error. */
    static ErrorResponseException invalidField(String field, String message) {
        ErrorResponseException problem = of(HttpStatus.BAD_REQUEST, "Invalid request: [" + field + " " + message + "]");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    static ErrorResponseException notFound(String id) {
        return of(HttpStatus.NOT_FOUND, "No staff member with id " + id);
    }
}
