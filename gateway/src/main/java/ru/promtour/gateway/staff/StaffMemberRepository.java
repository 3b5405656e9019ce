package ru.promtour.gateway.staff;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

/** Staff members by id, lower-cased e-mail, or pending invitation. */
public interface StaffMemberRepository extends ReactiveMongoRepository<StaffMember, String> {

    Mono<StaffMember> findByEmail(String email);

    Mono<StaffMember> findByInviteTokenHash(String inviteTokenHash);
}
