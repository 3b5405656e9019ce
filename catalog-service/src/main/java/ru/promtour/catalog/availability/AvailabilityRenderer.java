package ru.promtour.catalog.availability;

import java.util.Optional;

/**
 * Renders a slot's availability exactly as {@code POST /octo/availability} shows it (without {@code octo/pricing}).
 * Implemented by the OCTO web layer, which owns that shape: the interface lives here so this package does not
 * depend on it.
 */
public interface AvailabilityRenderer {

    /** The availability of one slot: its product, option and OCTO {@code Availability} object. */
    record Rendered(String productId, String optionId, Object availability) {
    }

    /** Empty when the slot is no longer offered (unknown, product unpublished, enterprise suspended). */
    Optional<Rendered> render(String productId, String slotId);
}
