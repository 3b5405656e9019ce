/** Enterprises (factories): profile, region, time zone and contacts. */
package ru.promtour.catalog.enterprise;
