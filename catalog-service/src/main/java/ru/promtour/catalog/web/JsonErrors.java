package ru.promtour.catalog.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Where in a request body Jackson failed, for error bodies of either shape (problem+json, OCTO). */
public final class JsonErrors {

    private JsonErrors() {
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

    /** The first cause of {@code ex} (itself included) of the given type, or null. */
    public static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
