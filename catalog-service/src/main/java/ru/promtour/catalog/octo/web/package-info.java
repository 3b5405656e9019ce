/** The OCTO endpoints under /octo: their JSON shapes, the Octo-Capabilities header and OCTO error bodies. */
package ru.promtour.catalog.octo.web;
