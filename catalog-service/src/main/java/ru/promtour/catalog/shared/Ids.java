package ru.promtour.catalog.shared;

import java.util.UUID;

/** Generated ids carry a prefix so a log line or a support request shows what kind of thing they name. */
public final class Ids {

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
