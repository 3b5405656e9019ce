/** Personal-data masking and the MDC field names shared by every service's logs. */
package ru.promtour.logging;
