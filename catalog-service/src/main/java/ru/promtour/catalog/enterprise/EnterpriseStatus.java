package ru.promtour.catalog.enterprise;

/** Whether the enterprise takes part in the platform; a suspended one keeps its data. */
public enum EnterpriseStatus {
    ACTIVE, SUSPENDED
}
