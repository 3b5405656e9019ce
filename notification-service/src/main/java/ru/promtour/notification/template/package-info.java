/** Thymeleaf templates (ru/en) for email and SMS, and how a visit's local time is written. */
package ru.promtour.notification.template;
