/** HTTP concerns shared by every report: bad input as problem+json. */
package ru.promtour.reporting.web;
