/** The instances of each service the gateway spreads its calls over: a static list per service, no registry. */
package ru.promtour.gateway.instances;
