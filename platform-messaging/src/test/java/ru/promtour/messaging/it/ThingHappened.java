package ru.promtour.messaging.it;

/** Test event, type {@value #TYPE}; note "explode" makes the test listener fail. */
public record ThingHappened(String thingId, int seq, String note) {

    public static final String TYPE = "test.ThingHappened.v1";
}
