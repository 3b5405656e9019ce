/** Wiring: properties, clock, channels' resilience, scheduling and locks. */
package ru.promtour.notification.config;
