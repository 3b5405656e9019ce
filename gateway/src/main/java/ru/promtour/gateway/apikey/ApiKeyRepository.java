package ru.promtour.gateway.apikey;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface ApiKeyRepository extends ReactiveMongoRepository<ApiKey, String> {

    Mono<ApiKey> findByKeyHash(String keyHash);
}
