/** Personal data retention: message bodies, recipients and the group leader's contact leave after a set time. */
package ru.promtour.notification.retention;
