/** The admin's internal story endpoint ({@code GET /internal/story/{bookingIdOrUuid}}), with its problem+json errors. */
package ru.promtour.booking.story.web;
