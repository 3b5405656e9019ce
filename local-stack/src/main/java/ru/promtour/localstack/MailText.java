package ru.promtour.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The readable text of an email for the messages page and for tests: the first text/plain part that is
 * not an attachment, else the first HTML part with its tags stripped, else the raw body. Enough to
 * check "the booking email says seat 12", not a full HTML renderer.
 */
final class MailText {

    private static final Pattern BLOCKS = Pattern.compile("(?is)<(script|style|head)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern LINE_BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table)\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<!--.*?-->|<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    private MailText() {
    }

    static String of(Part message) throws MessagingException, IOException {
        String plain = find(message, "text/plain");
        if (plain != null) {
            return plain.strip();
        }
        String html = find(message, "text/html");
        if (html != null) {
            return stripHtml(html);
        }
        try (InputStream raw = message.getInputStream()) {
            return new String(raw.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(mimeType)) {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = find(child, mimeType);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** HTML to plain text: drops head/script/style, turns block ends into line breaks, decodes entities. */
    static String stripHtml(String html) {
        String text = BLOCKS.matcher(html).replaceAll(" ");
        text = LINE_BREAKS.matcher(text).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll("");
        text = decodeEntities(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String clean = line.replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").strip();
            if (!clean.isEmpty() || (out.length() > 0 && out.charAt(out.length() - 1) != '\n')) {
                out.append(clean).append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String decodeEntities(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            String code = numeric.group(1);
            int codePoint = code.startsWith("x") ? Integer.parseInt(code.substring(1), 16) : Integer.parseInt(code);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(
                    Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "?"));
        }
        numeric.appendTail(decoded);
        return decoded.toString()
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&laquo;", "«")
                .replace("&raquo;", "»")
                .replace("&mdash;", "—")
                .replace("&ndash;", "–")
                .replace("&amp;", "&");
    }
}
