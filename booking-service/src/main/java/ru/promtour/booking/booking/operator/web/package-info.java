/** The OCTO bookings endpoints for operators: their JSON shape, OCTO error bodies, the Octo-Capabilities header and admission control. */
package ru.promtour.booking.booking.operator.web;
