package ru.promtour.security.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what it refuses before any filter runs (a character RFC 3986 does not allow in the
 * request target such as {@code [}, an encoded slash or NUL, invalid UTF-8 in the path): a JSON body in the caller's
 * API shape instead of Tomcat's HTML page. Only the status's reason is said; nothing of the request is echoed
 * but its path (as {@code instance}, as every problem+json of the platform).
 */
public final class PlatformErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        HttpStatus status = HttpStatus.resolve(code);
        if (code < 400 || status == null || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // as received (Tomcat could not decode it, or refused it): empty when even the request line was unreadable
        String path = request.getRequestURI();
        boolean octo = path != null && path.startsWith("/octo/");
        String detail = "The request could not be read: " + status.getReasonPhrase()
                + (code == 400 ? " (a character the URL may not contain, or a malformed path)" : "");
        try {
            response.setContentType(SecurityErrorResponses.contentType(octo).toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String error = code == 429 ? "TOO_MANY_REQUESTS" : code >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
                writer.write(new String(SecurityErrorResponses.body(octo, status, error, detail, path), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the connection is gone or the response cannot take a body: nothing more to say
        }
    }
}
