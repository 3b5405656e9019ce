package ru.promtour.gateway.tenant;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface OperatorRepository extends ReactiveMongoRepository<Operator, String> {
}
