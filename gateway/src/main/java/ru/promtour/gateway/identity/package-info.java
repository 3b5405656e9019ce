/** The internal identity: a short-lived JWT the gateway signs for every authenticated request, and its key set. */
package ru.promtour.gateway.identity;
