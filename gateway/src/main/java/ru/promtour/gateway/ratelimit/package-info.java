/** Rate limits per API key and route: token buckets in memory locally, in Redis when instances share them. */
package ru.promtour.gateway.ratelimit;
