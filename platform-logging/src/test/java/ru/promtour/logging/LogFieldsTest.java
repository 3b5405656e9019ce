package ru.promtour.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogFieldsTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void bookingIdIsInTheMdcOnlyInsideTheScope() {
        try (LogFields.MdcScope ignored = LogFields.booking("PT-TYGXCZ")) {
            assertThat(MDC.get(LogFields.BOOKING_ID)).isEqualTo("PT-TYGXCZ");
        }
        assertThat(MDC.get(LogFields.BOOKING_ID)).isNull();
    }

    @Test
    void anInnerScopeGivesTheOuterIdBack() {
        try (LogFields.MdcScope outer = LogFields.booking("PT-OUTER1")) {
            try (LogFields.MdcScope inner = LogFields.booking("PT-INNER1")) {
                assertThat(MDC.get(LogFields.BOOKING_ID)).isEqualTo("PT-INNER1");
            }
            assertThat(MDC.get(LogFields.BOOKING_ID)).isEqualTo("PT-OUTER1");
        }
    }

    @Test
    void aBlankIdPutsNothing() {
        try (LogFields.MdcScope ignored = LogFields.booking(" ")) {
            assertThat(MDC.get(LogFields.BOOKING_ID)).isNull();
        }
    }
}
