package ru.promtour.catalog.excursion;

/**
 * How a program is sold (OCTO's {@code availabilityType}). START_TIME: groups come at the slots' start times.
 * OPENING_HOURS: visitors walk in any time the site is open, one daily capacity per local date.
 */
public enum AvailabilityType { START_TIME, OPENING_HOURS }
