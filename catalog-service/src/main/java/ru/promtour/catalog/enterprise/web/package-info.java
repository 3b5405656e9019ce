/** The enterprise profile API: register (admin), read and update. */
package ru.promtour.catalog.enterprise.web;
