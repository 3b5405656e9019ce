package ru.promtour.security.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the service accepts with 413 and a JSON body in the caller's API shape
 * (OCTO's {@code {"error":"BAD_REQUEST","errorMessage":…}} under {@code /octo/**}, problem+json elsewhere),
 * whatever the framing, before any handler or message converter sees the body:
 * <ul>
 * <li>a {@code Content-Length} above the limit is refused at once, nothing read (Tomcat itself never hands on
 * more bytes than a request's {@code Content-Length}, so a body that declares its length is bounded by it);</li>
 * <li>a body without a length (chunked) is read here, counting, up to one byte more than the limit: past it the
 * request is refused; within it the controller gets the bytes read (at most the limit in memory, as much as the
 * JSON parser would have held anyway).</li>
 * </ul>
 * The decision is this filter's alone: a stream failing half-way through a parse would surface in each
 * service's own exception advice as a 400 or 500 instead.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final String detail;

    public RequestBodyLimitFilter(DataSize limit) {
        this.limit = limit.toBytes();
        this.detail = "The request body is larger than the limit of " + describe(limit) + " (" + this.limit + " bytes)";
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared >= 0 || !mayHaveBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    private static boolean mayHaveBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                        || "OPTIONS".equals(request.getMethod()) || "TRACE".equals(request.getMethod()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // the unread rest of the body: Tomcat skips up to its max-swallow-size of it, and drops the connection after a 413
        SecurityErrorResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "BAD_REQUEST", detail);
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while (total < max && (n = in.read(chunk, 0, (int) Math.min(chunk.length, max - total))) != -1) {
            out.write(chunk, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    /** The request with the body this filter read in its place: one stream over it, as the servlet API has. */
    private static final class ReadBodyRequest extends HttpServletRequestWrapper {

        private final int length;
        private final ServletInputStream stream;
        private BufferedReader reader;

        ReadBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.length = body.length;
            this.stream = new BodyStream(new ByteArrayInputStream(body));
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(stream, charset));
            }
            return reader;
        }

        @Override
        public int getContentLength() {
            return length;
        }

        @Override
        public long getContentLengthLong() {
            return length;
        }
    }

    private static final class BodyStream extends ServletInputStream {

        private final ByteArrayInputStream in;

        BodyStream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("The body was already read: read it blocking");
        }
    }
}
