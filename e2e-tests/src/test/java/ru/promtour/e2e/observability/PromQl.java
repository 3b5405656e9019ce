package ru.promtour.e2e.observability;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The metric names a PromQL expression reads. A small scanner rather than a parser: it drops string literals, label
 * matchers ({@code {…}}), ranges ({@code […]}, Grafana's {@code $__rate_interval} included), numbers, keywords,
 * aggregations with their {@code by (…)} lists, and every name followed by {@code (} (a function); what is left are
 * the selectors' metric names, recording-rule names ({@code level:metric:operation}) among them.
 */
public final class PromQl {

    /** Operators, modifiers and aggregations: words that are never metric names. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2",
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    /** Modifiers followed by a parenthesised label list. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_count", "_sum");

    private PromQl() {
    }

    public static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expr, i);
            }
            else if (c == '{') {
                i = after(expr, i, '}');
            }
            else if (c == '[') {
                i = after(expr, i, ']');
            }
            else if (c == '#') {
                int end = expr.indexOf('\n', i);
                i = end < 0 ? n : end;
            }
            else if (c == '$' || Character.isDigit(c) || c == '.') {
                // a Grafana variable or a number (1e3, 0.95, 14.4)
                i++;
                while (i < n && (isNamePart(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            }
            else if (isNameStart(c)) {
                int start = i;
                while (i < n && isNamePart(expr.charAt(i))) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpaces(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                if (LABEL_LISTS.contains(word)) {
                    if (call) {
                        i = after(expr, next, ')');
                    }
                }
                else if (!KEYWORDS.contains(word) && !call) {
                    names.add(word);
                }
            }
            else {
                i++;
            }
        }
        return names;
    }

    /** The name a histogram's or summary's series share: {@code x_seconds_bucket} → {@code x_seconds}. */
    public static String baseName(String series) {
        for (String suffix : HISTOGRAM_SUFFIXES) {
            if (series.endsWith(suffix)) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }

    /** A recording rule's name by Prometheus' convention {@code level:metric:operation}; exported metrics have no colon. */
    public static boolean isRecordingRuleName(String name) {
        return name.indexOf(':') >= 0;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || Character.isDigit(c);
    }

    private static int skipSpaces(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Past the {@code close} that ends the group opened at {@code open}, strings inside it skipped. */
    private static int after(String expr, int open, char close) {
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != close) {
            char c = expr.charAt(i);
            i = c == '"' || c == '\'' || c == '`' ? afterString(expr, i) : i + 1;
        }
        return i + 1;
    }

    private static int afterString(String expr, int open) {
        char quote = expr.charAt(open);
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += expr.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }
}
