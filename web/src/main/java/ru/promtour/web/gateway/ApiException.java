package ru.promtour.web.gateway;

import java.util.Map;

/**
 * An API answered with an error. {@link #getMessage()} is readable as it stands (the problem's {@code detail}, OCTO's
 * {@code errorMessage}, or a plain sentence), and {@link #fieldErrors()} names the form fields the API refused, so a
 * page can show both next to the form instead of raw JSON.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Map<String, String> fieldErrors;

    public ApiException(int status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** The HTTP status the gateway answered; 503 when it could not be reached. */
    public int status() {
        return status;
    }

    /** Field name to message, for the fields the API named (may be empty). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /**
     * The status of a page that shows this refusal: the API's own error status, or 502 when the gateway answered
     * with something that is no error status.
     */
    public int pageStatus() {
        return status >= 400 && status < 600 ? status : 502;
    }

    /**
     * The status of a form shown again with this refusal: the API's 4xx (the input was refused), 502 for anything else
     * (the form itself was fine; the platform behind the gateway was not).
     */
    public int formStatus() {
        return status >= 400 && status < 500 ? status : 502;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }
}
