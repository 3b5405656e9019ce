package ru.promtour.messaging.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads the CloudEvents Kafka binary-mode headers ({@code ce_*} plus {@code content-type}).
 * <p>
 * Why binary mode: the body stays the plain JSON of the event (readable by any tool, matched against
 * the contracts' JSON Schemas), while the envelope lives in headers, so a consumer can dispatch on
 * {@code ce_type} and deduplicate on {@code ce_id} before, or without, decoding the body.
 * Header values are UTF-8 strings; {@code ce_time} is RFC 3339 in UTC.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Binary mode carries the data content type in the protocol's own header, not {@code ce_datacontenttype}. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Sets (replacing any previous value) every CloudEvents header for the given attributes. */
    public static Headers write(Headers headers, CloudEventAttributes event) {
        put(headers, SPEC_VERSION, SPEC_VERSION_VALUE);
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        if (event.time() != null) {
            put(headers, TIME, formatTime(event.time()));
        }
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        put(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    /** Reads the attributes; null when {@code ce_id} or {@code ce_type} is missing. */
    public static CloudEventAttributes read(Headers headers) {
        String id = id(headers);
        String type = type(headers);
        if (id == null || type == null) {
            return null;
        }
        String source = get(headers, SOURCE);
        return new CloudEventAttributes(id, type, source == null ? "" : source, time(headers), subject(headers));
    }

    /** {@code ce_id}, or null when absent. */
    public static String id(Headers headers) {
        return get(headers, ID);
    }

    /** {@code ce_type}, or null when absent. */
    public static String type(Headers headers) {
        return get(headers, TYPE);
    }

    /** {@code ce_source}, or null when absent. */
    public static String source(Headers headers) {
        return get(headers, SOURCE);
    }

    /** {@code ce_subject}, or null when absent. */
    public static String subject(Headers headers) {
        return get(headers, SUBJECT);
    }

    /** {@code ce_time} as an instant, or null when absent or not RFC 3339. */
    public static Instant time(Headers headers) {
        String value = get(headers, TIME);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** The last value of a header as a UTF-8 string, or null when absent. */
    public static String get(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** RFC 3339 in UTC, e.g. {@code 2026-11-23T09:38:31.123Z}. */
    public static String formatTime(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
