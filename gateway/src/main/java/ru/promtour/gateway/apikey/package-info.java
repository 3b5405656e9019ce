/** API keys: issued to a tenant, shown once, stored only as a hash, cached for seconds, revoked at once. */
package ru.promtour.gateway.apikey;
