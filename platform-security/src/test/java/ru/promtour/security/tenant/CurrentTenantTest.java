package ru.promtour.security.tenant;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrentTenantTest {

    private final InstanceHolder holder = new InstanceHolder();
    private final CurrentTenant current = new CurrentTenant(holder);

    @Test
    void readsTheTenantOfTheAuthenticatedRequest() {
        Tenant tenant = new Tenant(TenantType.ENTERPRISE, "ent-1", "key-1", "req-1");
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "ES256").subject(tenant.subject()).build();
        holder.setContext(new SecurityContextImpl(
                new TenantAuthentication(jwt, tenant, List.of(new SimpleGrantedAuthority("ROLE_ENTERPRISE")))));

        assertThat(current.get()).isEqualTo(tenant);
        assertThat(current.isEnterprise("ent-1")).isTrue();
        assertThat(current.isAdmin()).isFalse();
        assertThat(current.requireEnterprise("ent-1")).isEqualTo(tenant);
        assertThatThrownBy(() -> current.requireEnterprise("ent-2")).isInstanceOf(NotFoundForTenantException.class);
    }

    @Test
    void withoutAnAuthenticatedTenantThereIsNone() {
        assertThat(current.find()).isEmpty();
        assertThat(current.isAdmin()).isFalse();
        assertThat(current.isOperator("op-1")).isFalse();
        assertThatThrownBy(current::get).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        holder.setContext(new SecurityContextImpl(new TestingAuthenticationToken("someone", "pw", "ROLE_ADMIN")));
        assertThat(current.find()).as("only a verified internal token names a tenant").isEmpty();
    }

    /** A security context held by this test instance alone, so no thread-wide state is shared. */
    private static final class InstanceHolder implements SecurityContextHolderStrategy {

        private SecurityContext context = new SecurityContextImpl();

        @Override
        public void clearContext() {
            context = new SecurityContextImpl();
        }

        @Override
        public SecurityContext getContext() {
            return context;
        }

        @Override
        public void setContext(SecurityContext context) {
            this.context = context;
        }

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }
}
