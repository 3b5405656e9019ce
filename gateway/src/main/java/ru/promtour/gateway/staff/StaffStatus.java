package ru.promtour.gateway.staff;

/**
 * Where an account stands. {@code INVITED}, {@code ACTIVE} and {@code DISABLED} are stored; {@code LOCKED} is an
 * active account while its lock lasts, computed when read.
 */
public enum StaffStatus {
    INVITED, ACTIVE, LOCKED, DISABLED
}
