package ru.promtour.catalog.shared;

import java.util.List;

/** A state change refused because the aggregate is incomplete (answered 422 naming what is missing). */
public class IncompleteException extends RuntimeException {

    private final List<FieldProblem> problems;

    public IncompleteException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
