package ru.promtour.logging.format;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import ru.promtour.logging.PersonalDataMask;

/**
 * {@code %maskedWEx}: Boot's {@code %wEx} (the stack trace after a blank line) with e-mail addresses and phone
 * numbers masked, as an exception's message may quote its input.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    /** The conversion word the text patterns use. */
    public static final String WORD = "maskedWEx";

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PersonalDataMask.mask(super.throwableProxyToString(tp));
    }
}
