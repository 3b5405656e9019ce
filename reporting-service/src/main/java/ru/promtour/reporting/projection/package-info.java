/**
 * The projection: facts about bookings, slots and programs, built from events only, idempotent by event id (bookings)
 * or by the aggregate's version (slots, programs), kept per generation so a replay can build a fresh one beside it.
 */
package ru.promtour.reporting.projection;
