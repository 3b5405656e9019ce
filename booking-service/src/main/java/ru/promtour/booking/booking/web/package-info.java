/** The enterprise bookings API (approvals) and visitor manifests, with their problem+json errors. */
package ru.promtour.booking.booking.web;
