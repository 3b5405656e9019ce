/** The one way out of this module: the gateway's public APIs, as the visitor or as the signed-in person. */
package ru.promtour.web.gateway;
