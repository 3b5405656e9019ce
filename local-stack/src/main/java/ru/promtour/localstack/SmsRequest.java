package ru.promtour.localstack;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/messages}, validated the way the SMS provider does, so that the
 * notification service meets the same 400s locally as in production.
 */
record SmsRequest(String from, String to, String text) {

    static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
    static final int MAX_TEXT = 1000;
    static final int MAX_FROM = 11;

    /** Why a request was refused: the message names the field. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Parses and validates a JSON body; fields are checked in the order {@code from}, {@code to}, {@code text}. */
    static SmsRequest parse(byte[] body) throws Invalid {
        JsonNode node;
        try {
            node = Http.JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw new Invalid("body: malformed JSON (" + ex.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("body: must be a JSON object with from, to and text");
        }
        String from = string(node, "from");
        if (from.isBlank()) {
            throw new Invalid("from: must not be blank");
        }
        if (from.codePointCount(0, from.length()) > MAX_FROM) {
            throw new Invalid("from: must be at most " + MAX_FROM + " characters, was "
                    + from.codePointCount(0, from.length()));
        }
        String to = string(node, "to");
        if (!E164.matcher(to).matches()) {
            throw new Invalid("to: must be a phone number in E.164 format like +79161234567, was '" + to + "'");
        }
        String text = string(node, "text");
        if (text.isBlank()) {
            throw new Invalid("text: must not be blank");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new Invalid("text: must be at most " + MAX_TEXT + " characters, was "
                    + text.codePointCount(0, text.length()));
        }
        return new SmsRequest(from, to, text);
    }

    private static String string(JsonNode node, String field) throws Invalid {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid(field + ": is required");
        }
        if (!value.isString()) {
            throw new Invalid(field + ": must be a JSON string");
        }
        return value.stringValue();
    }
}
