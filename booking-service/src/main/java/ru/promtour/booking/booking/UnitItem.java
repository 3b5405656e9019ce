package ru.promtour.booking.booking;

/**
 * One visitor's place in a booking.
 *
 * @param uuid              the operator's id of the item (generated when absent)
 * @param unitId            the catalog unit id, e.g. {@code child}
 * @param type              the unit's type from the program, e.g. {@code CHILD}
 * @param contact           the visitor, when the operator named them
 * @param visitor           the visitor's document, where the program requires one
 */
public record UnitItem(String uuid, String unitId, String type, String resellerReference, Contact contact,
                       Visitor visitor) {

    public boolean named() {
        return contact != null && contact.name() != null;
    }

    /** Named, with the document the program requires ({@code documents} of its rules). */
    public boolean complete(String documents) {
        return named() && ("NONE".equals(documents) || documents == null || (visitor != null && visitor.satisfies(documents)));
    }

    /** The same place without personal data (retention). */
    UnitItem anonymous() {
        return new UnitItem(uuid, unitId, type, resellerReference, null, null);
    }
}
