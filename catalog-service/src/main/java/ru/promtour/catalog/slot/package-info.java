/** Slots of an excursion and their seat inventory: capacity, held and confirmed seats. */
package ru.promtour.catalog.slot;
