package ru.promtour.gateway.identity;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Admin API of the internal signing keys: their states, and a rotation. Private halves never leave the directory. */
@RestController
@RequestMapping("/admin/signing-keys")
class SigningKeyController {

    private final SigningKeyDirectory keys;

    SigningKeyController(SigningKeyDirectory keys) {
        this.keys = keys;
    }

    /** Newest first: PENDING (published, signing from {@code since}), ACTIVE, RETIRED (published until deleted). */
    @GetMapping
    List<SigningKeyDirectory.KeyInfo> list() {
        return keys.keys();
    }

    /** A new key: published at once, signing after the activation delay; the current one retires then. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SigningKeyDirectory.KeyInfo> rotate() {
        // key generation and file writes block: off the event loop
        return Mono.fromCallable(keys::rotate).subscribeOn(Schedulers.boundedElastic());
    }
}
