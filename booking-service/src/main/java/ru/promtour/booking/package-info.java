/** Bookings and their lifecycle: OCTO bookings, hold expiry, approvals, visitor manifests. */
package ru.promtour.booking;
