package ru.promtour.messaging.it;

import java.util.UUID;

import ru.promtour.messaging.errors.DeadLetters;

/** Names unique to this test JVM, so reruns against an external broker never see old records. */
public final class TestTopics {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** The topic the test listener consumes (3 partitions). */
    public static final String THINGS = "it.things." + RUN;
    /** Its dead-letter topic (1 partition: fewer than the topic on purpose). */
    public static final String THINGS_DLT = DeadLetters.topicFor(THINGS);
    public static final String GROUP = "messaging-it-" + RUN;

    private TestTopics() {
    }

    /** A fresh topic name for one test. */
    public static String unique(String prefix) {
        return "it." + prefix + "." + UUID.randomUUID();
    }
}
