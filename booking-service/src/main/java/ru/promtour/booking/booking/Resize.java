package ru.promtour.booking.booking;

import java.util.List;

/**
 * A growth of the booking waiting for the catalog's answer ({@code SeatsHeld} / {@code SeatsRejected} with
 * this request id). The booking keeps its current units until the seats are held.
 */
public record Resize(String requestId, int units, int previousUnits, List<UnitItem> unitItems) {
}
