/** Small pieces the library's parts share: the daemon timer behind the relay's sweep and the metrics poller. */
package ru.promtour.messaging.support;
