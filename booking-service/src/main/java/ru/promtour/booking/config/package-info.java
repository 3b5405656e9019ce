/** Typed properties, the clock, outbox collections, Mongo indexes and the scheduler lock. */
package ru.promtour.booking.config;
