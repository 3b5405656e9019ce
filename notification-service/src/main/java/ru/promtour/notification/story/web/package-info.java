/** The admin's internal story endpoint ({@code GET /internal/story/{bookingId}}). */
package ru.promtour.notification.story.web;
