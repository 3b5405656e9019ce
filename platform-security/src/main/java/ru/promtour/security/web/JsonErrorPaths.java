package ru.promtour.security.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/**
 * Where in a request body Jackson failed, for the error bodies of every service (problem+json and OCTO alike),
 * so a client is told {@code unitItems[1].unitId} rather than a parser message.
 */
public final class JsonErrorPaths {

    private JsonErrorPaths() {
    }

    /** The Jackson failure behind {@code ex} (itself included), or null when there is none (no body at all). */
    public static JacksonException jacksonCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** {@code units[1].price} from Jackson's reference chain; empty when the body is not JSON at all. */
    public static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
