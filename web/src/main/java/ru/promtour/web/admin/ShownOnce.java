package ru.promtour.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * A page holding a secret shown once (a new API key, an invitation link): no cache, proxy or back button may keep
 * it, so the answer is {@code no-store}, set here rather than trusting the security headers' defaults.
 */
final class ShownOnce {

    private ShownOnce() {
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
    }
}
