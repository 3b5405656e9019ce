/** Holds expire when their time runs out, and holds whose booking was never stored go back to the ledger. */
package ru.promtour.booking.booking.expiry;
