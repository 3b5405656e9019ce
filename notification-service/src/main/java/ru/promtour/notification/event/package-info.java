/** The booking lifecycle, waitlist and route events this service tells people about, and who is told what. */
package ru.promtour.notification.event;
