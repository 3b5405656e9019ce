package ru.promtour.booking.booking.history;

import java.util.List;

/** An import refused before anything was written: each problem names its field ({@code bookings[3].slotId}). */
public class HistoryRefusal extends RuntimeException {

    private final List<Problem> problems;

    public HistoryRefusal(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** What is wrong with one field. */
    public record Problem(String field, String message) {
    }
}
