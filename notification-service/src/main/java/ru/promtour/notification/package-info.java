/** Messages to people: email and SMS templates, channels, delivery log, reminders. */
package ru.promtour.notification;
