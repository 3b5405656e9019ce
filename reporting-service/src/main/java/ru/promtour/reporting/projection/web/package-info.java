/** The admin's view of the projection: its generation, and a rebuild from the topics. */
package ru.promtour.reporting.projection.web;
