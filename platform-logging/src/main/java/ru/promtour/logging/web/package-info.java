/** The request id of a servlet service's request in the MDC. */
package ru.promtour.logging.web;
