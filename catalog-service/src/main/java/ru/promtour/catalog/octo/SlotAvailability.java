package ru.promtour.catalog.octo;

import java.time.Instant;
import java.time.OffsetDateTime;

import ru.promtour.catalog.slot.Slot;

/**
 * One slot graded for OCTO.
 *
 * @param utcCutoffAt when bookings close (none is taken from this instant on): the slot's cut-off, start minus the
 *                    program's booking cut-off
 * @param vacancies   seats that can still be booked (0 when closed)
 * @param available   on sale and the units asked for fit into the vacancies
 * @param maxUnits    most units one booking may take now: the program's maximum, capped by the vacancies
 */
public record SlotAvailability(Slot slot, OffsetDateTime localStart, OffsetDateTime localEnd, Instant utcCutoffAt,
                               AvailabilityStatus status, int vacancies, int capacity, boolean available,
                               int maxUnits) {
}
