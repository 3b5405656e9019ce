/** The day slots of opening-hours programs: one per open local date, kept in step with the program's hours. */
package ru.promtour.catalog.slot.hours;
