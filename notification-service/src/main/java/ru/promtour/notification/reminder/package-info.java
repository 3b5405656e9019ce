/** Day-before and manifest-deadline reminders, swept on a timer under a ShedLock lock. */
package ru.promtour.notification.reminder;
