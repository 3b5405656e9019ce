package ru.promtour.catalog.slot.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the slot API. */
final class SlotRequests {

    private SlotRequests() {
    }

    /** {@code {"localStart":"2026-12-01T10:00","capacity":40}}: local time of the enterprise's zone. */
    record CreateSlot(@NotNull LocalDateTime localStart, @NotNull @Min(1) @Max(10000) Integer capacity) {
    }

    /** A weekly pattern: days ({@code MONDAY}…), local times ({@code 10:00}), dates inclusive. */
    record Schedule(@NotEmpty Set<@NotNull DayOfWeek> daysOfWeek,
                    @NotEmpty @Size(max = 48) List<@NotNull LocalTime> times,
                    @NotNull LocalDate from, @NotNull LocalDate to,
                    @NotNull @Min(1) @Max(10000) Integer capacity) {
    }

    record Capacity(@NotNull @Min(0) @Max(10000) Integer capacity) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    record Close(@Size(max = 500) String reason) {
    }
}
