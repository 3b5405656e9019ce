package ru.promtour.catalog.octo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the OCTO API says about the platform as supplier and how it grades availability ({@code octo.*}).
 *
 * @param supplierId       OCTO supplier id
 * @param supplierName     public name of the platform
 * @param publicBaseUrl    the gateway's public URL; the supplier {@code endpoint} is this + {@code /octo}
 * @param contact          customer service contact of the platform
 * @param limitedPercent   an availability is LIMITED when at most this share of its capacity is left ...
 * @param limitedSeats     ... or at most this many seats, whichever is larger
 * @param maxRangeDays     one availability request covers at most this many local dates
 * @param maxIds           one availability request names at most this many {@code availabilityIds}
 * @param deliveryFormats  OCTO {@code deliveryFormats} of every product
 * @param deliveryMethods  OCTO {@code deliveryMethods} of every product
 * @param redemptionMethod OCTO {@code redemptionMethod}: visitors are checked against the manifest at the gate
 */
@ConfigurationProperties("octo")
public record OctoProperties(@DefaultValue("promtour") String supplierId,
                             @DefaultValue("Открытая промышленность") String supplierName,
                             @DefaultValue("http://localhost:8080") String publicBaseUrl,
                             @DefaultValue Contact contact,
                             @DefaultValue("10") int limitedPercent,
                             @DefaultValue("5") int limitedSeats,
                             @DefaultValue("366") int maxRangeDays,
                             @DefaultValue("500") int maxIds,
                             @DefaultValue("QRCODE") List<String> deliveryFormats,
                             @DefaultValue("VOUCHER") List<String> deliveryMethods,
                             @DefaultValue("MANIFEST") String redemptionMethod) {

    /** The supplier {@code endpoint}: the base URL without a trailing slash, then {@code /octo}. */
    public String endpoint() {
        return publicBaseUrl.replaceAll("/+$", "") + "/octo";
    }

    /** OCTO {@code SupplierContact}; each field may be null. */
    public record Contact(@DefaultValue("https://promtour.ru") String website,
                          @DefaultValue("support@promtour.ru") String email,
                          @DefaultValue("+78005550000") String telephone,
                          String address) {
    }
}
