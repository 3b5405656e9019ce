/** Security test support for services: a JVM-wide test signing key and token minting, a decoder that trusts it, and the checks every service's {@code SecurityIT} inherits. */
package ru.promtour.test.security;
