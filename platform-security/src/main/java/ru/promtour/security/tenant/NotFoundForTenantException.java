package ru.promtour.security.tenant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a tenant touches data it does not own. It renders as a plain 404 problem
 * ({@code application/problem+json}) so that ids of other tenants' data do not leak their existence;
 * throw the same exception when the data really does not exist, and the two cases look alike.
 * An {@link ErrorResponseException}, so Spring MVC renders it without any advice; an OCTO controller
 * advice may map it to its own 404 body.
 */
public class NotFoundForTenantException extends ErrorResponseException {

    private static final String DETAIL = "The requested resource does not exist";

    /** A 404 with a fixed detail that says nothing about who owns what. */
    public NotFoundForTenantException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, DETAIL), null);
    }

    @Override
    public String getMessage() {
        return DETAIL;
    }
}
