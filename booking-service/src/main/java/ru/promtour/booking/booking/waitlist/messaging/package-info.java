/** What makes the waitlist offer: the ledger's own events of seats coming back. */
package ru.promtour.booking.booking.waitlist.messaging;
