package ru.promtour.booking.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The booking service's copy of one excursion program, kept by the catalog's excursion events.
 *
 * @param version   the catalog's version; an older event never overwrites a newer copy
 * @param published false after {@code ExcursionUnpublished}: no new reservations
 */
@Document(ExcursionView.COLLECTION)
public record ExcursionView(@Id String id, String enterpriseId, long version, boolean published, Program program) {

    public static final String COLLECTION = "excursions";
}
