package ru.promtour.gateway.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import ru.promtour.gateway.auth.AdminKey;
import ru.promtour.gateway.auth.InvalidAdminKeyException;

/** Turns an unusable admin key into a short startup report instead of a bean-creation stack trace. */
class InvalidAdminKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAdminKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidAdminKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set ADMIN_API_KEY (property " + AdminKey.PROPERTY + ") to a random secret of at least "
                        + AdminKey.MIN_LENGTH + " characters, e.g. export ADMIN_API_KEY=$(openssl rand -base64 32). "
                        + "./run.sh sets the development key dev-admin-key-change-me unless ADMIN_API_KEY is set.",
                cause);
    }
}
