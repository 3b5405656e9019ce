package ru.promtour.messaging.it;

import org.springframework.data.mongodb.core.mapping.Document;

/** Test aggregate, collection {@value #COLLECTION}; its pending events live in the unmapped {@code outbox} field. */
@Document(Thing.COLLECTION)
public record Thing(String id, String name, int version) {

    public static final String COLLECTION = "things";
}
