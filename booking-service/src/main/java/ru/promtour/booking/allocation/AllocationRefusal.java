package ru.promtour.booking.allocation;

/** A "no" of the allocations API: bad input, a slot or allocation the caller may not see, or a conflict of seats. */
public class AllocationRefusal extends RuntimeException {

    public enum Kind { BAD_REQUEST, NOT_FOUND, CONFLICT }

    private final Kind kind;

    AllocationRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    static AllocationRefusal badRequest(String message) {
        return new AllocationRefusal(Kind.BAD_REQUEST, message);
    }

    static AllocationRefusal notFound(String what) {
        return new AllocationRefusal(Kind.NOT_FOUND, what + " does not exist");
    }

    static AllocationRefusal conflict(String message) {
        return new AllocationRefusal(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
