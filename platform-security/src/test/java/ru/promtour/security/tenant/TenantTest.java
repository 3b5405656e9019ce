package ru.promtour.security.tenant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantTest {

    private final Tenant ent1 = new Tenant(TenantType.ENTERPRISE, "ent-1", "key-1", "req-1");
    private final Tenant op1 = new Tenant(TenantType.OPERATOR, "op-1", "key-2", "req-2");
    private final Tenant admin = new Tenant(TenantType.ADMIN, "admin", "key-3", "req-3");

    @Test
    void subjectIsTypeColonId() {
        assertThat(ent1.subject()).isEqualTo("ENTERPRISE:ent-1");
        assertThat(admin.subject()).isEqualTo("ADMIN:admin");
    }

    @Test
    void identityChecksCompareTypeAndId() {
        assertThat(ent1.isEnterprise("ent-1")).isTrue();
        assertThat(ent1.isEnterprise("ent-2")).isFalse();
        assertThat(ent1.isOperator("ent-1")).as("same id, other type").isFalse();
        assertThat(op1.isOperator("op-1")).isTrue();
        assertThat(op1.isEnterprise("op-1")).isFalse();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(ent1.isAdmin()).isFalse();
        assertThat(ent1.isEnterprise(null)).isFalse();
    }

    @Test
    void theOwnerAndTheAdminPassOwnershipChecks() {
        assertThat(ent1.requireEnterprise("ent-1")).isSameAs(ent1);
        assertThat(admin.requireEnterprise("ent-1")).isSameAs(admin);
        assertThat(op1.requireOperator("op-1")).isSameAs(op1);
        assertThat(admin.requireOperator("op-1")).isSameAs(admin);
    }

    @Test
    void anotherTenantsDataLooksLikeItDoesNotExist() {
        assertThatThrownBy(() -> ent1.requireEnterprise("ent-2"))
            .isInstanceOfSatisfying(NotFoundForTenantException.class, ex -> {
                assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(ex.getBody().getDetail()).doesNotContain("ent-1").doesNotContain("ent-2");
            });
        assertThatThrownBy(() -> op1.requireEnterprise("op-1")).isInstanceOf(NotFoundForTenantException.class);
        assertThatThrownBy(() -> op1.requireOperator("op-2")).isInstanceOf(NotFoundForTenantException.class);
        assertThatThrownBy(() -> ent1.requireOperator("ent-1")).isInstanceOf(NotFoundForTenantException.class);
    }

    @Test
    void aTenantNeedsATypeAndAnId() {
        assertThatThrownBy(() -> new Tenant(null, "x", null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Tenant(TenantType.OPERATOR, " ", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantTypesParseOnlyTheExactNames() {
        assertThat(TenantType.parse("OPERATOR")).contains(TenantType.OPERATOR);
        assertThat(TenantType.parse("operator")).isEmpty();
        assertThat(TenantType.parse("ROOT")).isEmpty();
        assertThat(TenantType.parse(null)).isEmpty();
        assertThat(TenantType.parse(1)).isEmpty();
        assertThat(TenantType.ENTERPRISE.authority()).isEqualTo("ROLE_ENTERPRISE");
    }
}
