/** The public catalog API: no key, read-only. */
package ru.promtour.catalog.search.web;
