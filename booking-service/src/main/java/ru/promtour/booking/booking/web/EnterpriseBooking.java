package ru.promtour.booking.booking.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.UnitItem;

/**
 * A booking as the enterprise sees it: the group, its leader and the state of the decision. Visitors'
 * personal data stays in the manifest.
 */
record EnterpriseBooking(String id, String supplierReference, String resellerReference, String status,
                         boolean awaitingApproval, String operatorId, String operatorName, String productId, String slotId,
                         Instant start, String timeZone, int units, List<Units> unitItems, Leader contact,
                         String notes, Instant utcCreatedAt, Instant utcConfirmedAt, String declineReason,
                         Cancellation cancellation, NoShow noShow) {

    public record Units(String unitId, String type, int quantity) {
    }

    public record Leader(String fullName, String emailAddress, String phoneNumber) {
    }

    public record Cancellation(String cancelledBy, String reason, Instant utcCancelledAt) {
    }

    /** The enterprise's no-show mark (the booking stays CONFIRMED). */
    public record NoShow(String cause, String note, Instant markedAt, String markedBy) {
    }

    static EnterpriseBooking of(Booking b) {
        Map<String, Units> units = new LinkedHashMap<>();
        for (UnitItem i : b.unitItems()) {
            units.merge(i.unitId(), new Units(i.unitId(), i.type(), 1),
                    (x, y) -> new Units(x.unitId(), x.type(), x.quantity() + 1));
        }
        Leader leader = b.contact() == null ? null
                : new Leader(b.contact().name(), b.contact().emailAddress(), b.contact().phoneNumber());
        Cancellation cancellation = b.cancellation() == null ? null : new Cancellation(b.cancellation().cancelledBy(),
                b.cancellation().reason(), b.cancellation().utcCancelledAt());
        NoShow noShow = b.noShow() == null ? null : new NoShow(b.noShow().cause().name(), b.noShow().note(),
                b.noShow().markedAt(), b.noShow().markedBy());
        return new EnterpriseBooking(b.id(), b.supplierReference(), b.resellerReference(), b.status().name(),
                b.awaitingApproval(), b.operatorId(), b.operatorName(), b.productId(), b.slotId(), b.start(), b.timeZone(), b.units(),
                List.copyOf(units.values()), leader, b.notes(), b.utcCreatedAt(), b.utcConfirmedAt(), b.declineReason(),
                cancellation, noShow);
    }
}
