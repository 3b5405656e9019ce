package ru.promtour.catalog.slot.ledger;

import java.util.Date;

import org.bson.Document;
import ru.promtour.catalog.slot.Slot.ChangeAnswer;
import ru.promtour.catalog.slot.Slot.PendingChange;

/**
 * The stored shape of a slot's pending changes and answers, written by hand for {@code $push}: the same
 * fields Spring Data reads back into {@link PendingChange} and {@link ChangeAnswer}, without type hints and
 * without the absent (null) ones.
 */
final class SlotDocuments {

    static final String PENDING = "pendingChanges";
    static final String ANSWERS = "changeAnswers";

    private SlotDocuments() {
    }

    static Document pending(PendingChange p) {
        return present(new Document("requestId", p.requestId()).append("change", p.change().name())
                .append("capacity", p.capacity()).append("previousCapacity", p.previousCapacity())
                .append("reason", p.reason()).append("requestedAt", Date.from(p.requestedAt())));
    }

    static Document answer(ChangeAnswer a) {
        return present(new Document("requestId", a.requestId()).append("change", a.change().name())
                .append("applied", a.applied()).append("reason", a.reason()).append("message", a.message())
                .append("capacity", a.capacity()).append("held", a.held()).append("confirmed", a.confirmed())
                .append("answeredAt", Date.from(a.answeredAt())));
    }

    private static Document present(Document doc) {
        doc.values().removeIf(java.util.Objects::isNull);
        return doc;
    }
}
