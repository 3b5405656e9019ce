package ru.promtour.logging.format;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ru.promtour.logging.PersonalDataMask;

/** {@code %maskedMessage}: the formatted message with e-mail addresses and phone numbers masked. */
public class MaskedMessageConverter extends MessageConverter {

    /** The conversion word the text patterns use. */
    public static final String WORD = "maskedMessage";

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(super.convert(event));
    }
}
