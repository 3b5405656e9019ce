package ru.promtour.booking.booking;

/**
 * One visitor's place in a booking.
 *
 * @param uuid              the operator's id of the item (generated when absent)
 * @param unitId            the catalog unit id, e.g. {@code child}
 * @param type              the unit's type from the program, e.g. {@code CHILD}
 * @param contact           the visitor, when the operator named them
 */
public record UnitItem(String uuid, String unitId, String type, String resellerReference, Contact contact) {

    public boolean named() {
        return contact != null && contact.name() != null;
    }
}
