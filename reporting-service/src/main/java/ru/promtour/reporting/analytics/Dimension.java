package ru.promtour.reporting.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** What a report's rows are grouped by. */
public enum Dimension {
    REGION, INDUSTRY, ENTERPRISE, PROGRAM, MONTH, WEEKDAY, SLOT, CAUSE;

    private static final Locale RU = Locale.forLanguageTag("ru");

    /** The group of one fact: its key and a human label. */
    public record Group(String key, String label) {
    }

    /** The group of a visit on {@code date} of {@code program} (and {@code slotId}, for SLOT). */
    Group of(Dimensions.Program program, String date, String slotId, String slotLabel) {
        return switch (this) {
            case REGION -> new Group(program.region(), program.region());
            case INDUSTRY -> new Group(program.industry(), program.industry());
            case ENTERPRISE -> new Group(program.enterpriseId(), program.enterpriseName());
            case PROGRAM -> new Group(program.id(), program.title());
            case MONTH -> new Group(date.substring(0, 7), date.substring(0, 7));
            case WEEKDAY -> {
                DayOfWeek day = LocalDate.parse(date).getDayOfWeek();
                yield new Group(String.valueOf(day.getValue()), day.getDisplayName(TextStyle.FULL, RU));
            }
            case SLOT -> new Group(slotId, slotLabel);
            case CAUSE -> throw new IllegalArgumentException("CAUSE groups cancellations only");
        };
    }

    /** The name as the API spells it ({@code groupBy=region}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
