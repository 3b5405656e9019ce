package ru.promtour.catalog.availability;

/**
 * {@code catalog.AvailabilityChanged.v1} on {@code catalog.availability.v1} (key = slot id): a slot's OCTO
 * availability after its seats or status changed, one per slot per round of {@link AvailabilityAnnouncer}.
 *
 * @param ledgerVersion the seat ledger's version the availability reflects (readers keep the newest)
 * @param availability  the OCTO {@code Availability} object, as {@code POST /octo/availability} shows it
 */
public record AvailabilityChanged(String slotId, String productId, String optionId, long ledgerVersion,
                                  Object availability) {

    public static final String TYPE = "catalog.AvailabilityChanged.v1";
    public static final String TOPIC = "catalog.availability.v1";
}
