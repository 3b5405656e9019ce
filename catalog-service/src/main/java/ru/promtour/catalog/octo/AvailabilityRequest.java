package ru.promtour.catalog.octo;

import java.util.List;

/**
 * Body of {@code POST /octo/availability} (OCTO {@code AvailabilityCheckBody}) and of
 * {@code POST /octo/availability/calendar} ({@code AvailabilityCalendarBody}, which has no {@code localDate}
 * and no {@code availabilityIds}). Dates stay text here so that a malformed one is a BAD_REQUEST naming it.
 */
public record AvailabilityRequest(String productId, String optionId, String localDate, String localDateStart,
                                  String localDateEnd, List<String> availabilityIds, List<UnitQuantity> units,
                                  String currency) {

    /** OCTO {@code AvailabilityUnit}. */
    public record UnitQuantity(String id, Integer quantity) {
    }
}
