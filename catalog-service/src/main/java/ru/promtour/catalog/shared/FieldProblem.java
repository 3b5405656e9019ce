package ru.promtour.catalog.shared;

/** One invalid input: the field (JSON path such as {@code units[1].price}, or a parameter name) and why. */
public record FieldProblem(String field, String message) {
}
