/** Operators' allocations: seats an enterprise keeps for one operator until a release date (ADR 0005). */
package ru.promtour.booking.allocation;
