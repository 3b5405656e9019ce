/** Authentication at the edge: API key to tenant, the route-by-tenant access table, the forwarded identity. */
package ru.promtour.gateway.auth;
