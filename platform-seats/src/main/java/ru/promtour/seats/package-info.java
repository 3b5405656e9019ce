/** The bookability rule of a slot, shared by the seat ledger and the catalog: plain Java, no Spring, no store. */
package ru.promtour.seats;
