package ru.promtour.gateway.staff;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

/** Sessions by token hash; a member's all at once. */
public interface StaffSessionRepository extends ReactiveMongoRepository<StaffSession, String> {

    Mono<StaffSession> findByTokenHash(String tokenHash);

    Mono<Long> deleteByTokenHash(String tokenHash);

    Mono<Long> deleteByMemberId(String memberId);
}
