package ru.promtour.booking;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Kafka types stay in messaging/ (and config/ wiring), HTTP types stay in web/ (style.md); the booking features
 * depend on the aggregate and on each other one way only.
 */
@AnalyzeClasses(packages = "ru.promtour.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule kafkaOnlyInMessaging = noClasses()
        .that().resideOutsideOfPackages("..messaging..", "..config..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule httpOnlyInWeb = noClasses()
        .that().resideOutsideOfPackages("..web..", "..config..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
        .allowEmptyShould(true);

    /** The aggregate ({@code booking.booking}) knows none of the features built on it. */
    @ArchTest
    static final ArchRule aggregateKnowsNoFeature = noClasses()
        .that().resideInAPackage("ru.promtour.booking.booking")
        .should().dependOnClassesThat().resideInAPackage("ru.promtour.booking.booking.*..");

    /** Feature packages of bookings (operator, approval, expiry, manifest, cancellation, web, messaging) form no cycle. */
    @ArchTest
    static final ArchRule bookingFeaturesFreeOfCycles = slices()
        .matching("ru.promtour.booking.booking.(*)..")
        .should().beFreeOfCycles();
}
