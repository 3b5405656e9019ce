/** The seat ledger of every slot: the one authority on seats, decided in one conditional write per change. */
package ru.promtour.booking.ledger;
