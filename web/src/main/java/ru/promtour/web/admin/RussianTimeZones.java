package ru.promtour.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The IANA zones of Russia, west to east, for an enterprise's time zone: every local time of its slots is computed in
 * it, so the form offers only these instead of a free text field that invites "MSK" or "+3".
 */
final class RussianTimeZones {

    /** A zone and how it is shown: its id with today's UTC offset. */
    record Zone(String id, String label) {
    }

    private static final List<String> IDS = List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Kirov",
            "Europe/Volgograd", "Europe/Astrakhan", "Europe/Saratov", "Europe/Ulyanovsk", "Europe/Samara",
            "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Barnaul", "Asia/Tomsk", "Asia/Novokuznetsk",
            "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Chita", "Asia/Yakutsk", "Asia/Khandyga", "Asia/Vladivostok",
            "Asia/Ust-Nera", "Asia/Magadan", "Asia/Sakhalin", "Asia/Srednekolymsk", "Asia/Kamchatka", "Asia/Anadyr");

    static final String DEFAULT = "Europe/Moscow";

    private RussianTimeZones() {
    }

    static List<Zone> all() {
        Instant now = Instant.now();
        return IDS.stream().map(id -> new Zone(id, id + " (UTC" + ZoneId.of(id).getRules().getOffset(now).getId()
                .replace("Z", "+00:00") + ")")).toList();
    }

    static boolean contains(String id) {
        return IDS.contains(id);
    }
}
