package ru.promtour.logging.format;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.PatternLayout;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import ru.promtour.logging.LogFields;

/**
 * The logging defaults of every service and the gateway, as the lowest property source so that an explicit
 * {@code logging.*} property still wins: ECS JSON on the console (and no banner), or with {@code LOG_FORMAT=text} Boot's readable
 * pattern with the trace, span and request ids, where the message and stack trace go through the masking
 * converters ({@code %maskedMessage}, {@code %maskedWEx}). The file pattern (used only when
 * {@code logging.file.name} is set) masks too.
 * <p>
 * Boot's default Logback configuration has no hook for a conversion rule of our own and resets the logger
 * context's rule registry when it starts, so the two words go into Logback's default converter map; this runs
 * before the logging system is initialized ({@code EnvironmentPostProcessorApplicationListener} comes before
 * {@code LoggingApplicationListener}).
 */
public class LoggingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "platformLoggingDefaults";
    /** The variable that selects the console format: {@code text}, or {@code json} (the default). */
    public static final String FORMAT_VARIABLE = "LOG_FORMAT";

    // Boot's default patterns (DefaultLogbackConfiguration) with the ids spelled out and the masking converters
    static final String CONSOLE_PATTERN = "%clr(%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}){faint} %clr(%5p) "
            + "%clr(--- %esb(){APPLICATION_NAME}[%15.15t] %correlationId[%X{" + LogFields.REQUEST_ID + ":-}] ){faint}"
            + "%clr(%-40.40logger{39}){cyan} %clr(:){faint} %" + MaskedMessageConverter.WORD + "%n%"
            + MaskedThrowableConverter.WORD;
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p --- %esb(){APPLICATION_NAME}[%t] "
            + "%correlationId[%X{" + LogFields.REQUEST_ID + ":-}] %-40.40logger{39} : %" + MaskedMessageConverter.WORD + "%n%"
            + MaskedThrowableConverter.WORD;

    private static final boolean LOGBACK_PRESENT =
            ClassUtils.isPresent("ch.qos.logback.classic.PatternLayout", LoggingDefaultsEnvironmentPostProcessor.class.getClassLoader());

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (LOGBACK_PRESENT) {
            registerConverters();
            defaults.put("logging.pattern.console", CONSOLE_PATTERN);
            defaults.put("logging.pattern.file", FILE_PATTERN);
            defaults.put("logging.exception-conversion-word", "%" + MaskedThrowableConverter.WORD);
        }
        if (!isText(environment.getProperty(FORMAT_VARIABLE))) {
            defaults.put("logging.structured.format.console", "ecs");
            // the banner is plain text on stdout: the only line of a JSON log that would not parse
            defaults.put("spring.main.banner-mode", "off");
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }

    static boolean isText(String format) {
        return format != null && format.trim().toLowerCase(Locale.ROOT).equals("text");
    }

    static void registerConverters() {
        PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.putIfAbsent(MaskedMessageConverter.WORD, MaskedMessageConverter::new);
        PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.putIfAbsent(MaskedThrowableConverter.WORD, MaskedThrowableConverter::new);
    }
}
