/** How the gateway answers what it cannot route: problem+json errors. */
package ru.promtour.gateway.web;
