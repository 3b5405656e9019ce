package ru.promtour.gateway.staff;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

/** Staff settings, and the indexes the accounts rely on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffProperties.class)
class StaffConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StaffConfiguration.class);

    /**
     * Created at start (idempotent), without holding the start up: the gateway starts as before while its store is
     * still coming up. Explicit rather than auto-index-creation: the unique e-mail is what makes a second invitation
     * of one person a 409, and a session is found by its token's hash.
     */
    @Bean
    SmartInitializingSingleton staffIndexes(ReactiveMongoTemplate mongo) {
        return () -> Flux.concat(
                mongo.indexOps(StaffMember.COLLECTION).createIndex(new Index().on("email", Sort.Direction.ASC).unique()
                    .named("email_unique")),
                mongo.indexOps(StaffMember.COLLECTION).createIndex(new Index().on("inviteTokenHash", Sort.Direction.ASC)
                    .named("invite_token")),
                mongo.indexOps(StaffSession.COLLECTION).createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique()
                    .named("token_unique")),
                mongo.indexOps(StaffSession.COLLECTION).createIndex(new Index().on("memberId", Sort.Direction.ASC)
                    .named("member")),
                // the store drops a session some time after it expires; until then the expiry is checked on use
                mongo.indexOps(StaffSession.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                    .expire(Duration.ZERO).named("expires_ttl")))
            .subscribe(created -> log.debug("Staff index {} in place", created),
                    ex -> log.error("The staff indexes could not be created: {}", ex.toString()));
    }
}
