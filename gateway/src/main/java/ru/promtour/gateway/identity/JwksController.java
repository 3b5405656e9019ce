package ru.promtour.gateway.identity;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public key set the services validate internal tokens with. */
@RestController
class JwksController {

    private final InternalTokens tokens;

    JwksController(InternalTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    Map<String, Object> keys() {
        return tokens.publicKeySet();
    }
}
