/** Server-rendered pages behind the gateway; the module owns no data and calls only the gateway's APIs. */
package ru.promtour.web;
