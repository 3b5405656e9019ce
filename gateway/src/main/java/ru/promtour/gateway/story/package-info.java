/** The admin's booking story: booking-service's and notification-service's parts of a booking, merged by time. */
package ru.promtour.gateway.story;
