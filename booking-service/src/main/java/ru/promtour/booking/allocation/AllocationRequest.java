package ru.promtour.booking.allocation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST /api/v1/allocations}: {@code operatorId}, {@code units}, {@code releaseAt} (ISO-8601 with offset) and
 * either {@code slotId} or {@code excursionId} with a {@code schedule}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllocationRequest(String operatorId, String slotId, String excursionId, ScheduleRequest schedule,
                                Integer units, String releaseAt) {

    /** Local dates {@code from}..{@code to} (inclusive), optional weekdays and local start times. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScheduleRequest(String from, String to, List<String> weekdays, List<String> localTimes) {
    }
}
