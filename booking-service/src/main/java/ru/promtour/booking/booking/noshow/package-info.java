/** The enterprise's no-show mark on a confirmed booking whose visit has started. */
package ru.promtour.booking.booking.noshow;
