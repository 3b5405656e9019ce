package ru.promtour.catalog.octo;

/** OCTO {@code AvailabilityStatus} as the platform uses it (never FREESALE: every slot has a capacity). */
public enum AvailabilityStatus {
    AVAILABLE, LIMITED, SOLD_OUT, CLOSED;

    /** Whether seats can still be booked (the units asked for may still not fit). */
    public boolean onSale() {
        return this == AVAILABLE || this == LIMITED;
    }
}
