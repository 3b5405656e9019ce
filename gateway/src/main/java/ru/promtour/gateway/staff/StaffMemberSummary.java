package ru.promtour.gateway.staff;

/** Who a session belongs to, as the console shows it. */
public record StaffMemberSummary(String id, String email, String name, StaffRole role, String enterpriseId) {

    static StaffMemberSummary of(StaffMember member) {
        return new StaffMemberSummary(member.id(), member.email(), member.name(), member.role(), member.enterpriseId());
    }
}
