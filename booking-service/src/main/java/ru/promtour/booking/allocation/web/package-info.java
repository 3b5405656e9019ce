/** The allocations API, {@code /api/v1/allocations}: enterprises grant and withdraw, operators see theirs. */
package ru.promtour.booking.allocation.web;
