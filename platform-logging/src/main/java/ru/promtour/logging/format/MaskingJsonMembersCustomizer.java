package ru.promtour.logging.format;

import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import ru.promtour.logging.PersonalDataMask;

/**
 * Applied by Boot to every structured (JSON) log format (registered in {@code META-INF/spring.factories}):
 * masks e-mail addresses and phone numbers in every string the line holds (the message, the exception's
 * message and stack trace, MDC values), and writes the tracer's {@code traceId}/{@code spanId} MDC entries as
 * ECS {@code trace.id}/{@code span.id}. Micrometer Tracing names those entries the same with Brave and with
 * OpenTelemetry, and the text pattern still reads them under their own names, so they are renamed here only.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

    static final String TRACER_TRACE_ID = "traceId";
    static final String TRACER_SPAN_ID = "spanId";
    private static final Set<String> TRACER_KEYS = Set.of(TRACER_TRACE_ID, TRACER_SPAN_ID);

    @Override
    public void customize(Members<ILoggingEvent> members) {
        members.applyingValueProcessor(ValueProcessor.of(String.class, PersonalDataMask::mask));
        members.applyingPathFilter(path -> path.parent() != null && path.parent().parent() == null
                && TRACER_KEYS.contains(path.name()));
        members.add("trace").whenNotNull(event -> mdc(event, TRACER_TRACE_ID))
            .usingMembers(trace -> trace.add("id", event -> mdc(event, TRACER_TRACE_ID)));
        members.add("span").whenNotNull(event -> mdc(event, TRACER_SPAN_ID))
            .usingMembers(span -> span.add("id", event -> mdc(event, TRACER_SPAN_ID)));
    }

    private static String mdc(ILoggingEvent event, String key) {
        String value = event.getMDCPropertyMap().get(key);
        return value == null || value.isEmpty() ? null : value;
    }
}
