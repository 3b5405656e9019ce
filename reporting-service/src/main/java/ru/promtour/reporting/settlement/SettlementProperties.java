package ru.promtour.reporting.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lateCancellationFeePercent the share of the gross an operator owes for a cancellation inside the program's
 *                                   cancellation window
 */
@ConfigurationProperties("reporting.settlement")
public record SettlementProperties(@DefaultValue("100") int lateCancellationFeePercent) {

    public SettlementProperties {
        if (lateCancellationFeePercent < 0 || lateCancellationFeePercent > 100) {
            throw new IllegalArgumentException("reporting.settlement.late-cancellation-fee-percent must be 0..100");
        }
    }
}
