/** The delivery log API: a booking's messages for its operator and enterprise, resend for the admin. */
package ru.promtour.notification.message.web;
