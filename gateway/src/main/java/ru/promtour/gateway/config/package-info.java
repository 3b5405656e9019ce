/** Gateway wiring: infrastructure beans the defaults do not fit. */
package ru.promtour.gateway.config;
