package ru.promtour.notification.story.web;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.notification.story.MessageStories;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

/**
 * {@code GET /internal/story/{bookingId}}: the booking's messages and webhook deliveries for its story, for the admin
 * only (the gateway asks with booking-service's booking id, after booking-service resolved a uuid). 400 for an id of
 * no known shape, 404 when this service knows nothing of the booking; problem+json.
 */
@RestController
class StoryController {

    /** Booking ids as the delivery log API accepts them. */
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private final MessageStories stories;

    StoryController(MessageStories stories) {
        this.stories = stories;
    }

    @GetMapping(path = "/internal/story/{bookingId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> story(@PathVariable String bookingId) {
        if (!ID.matcher(bookingId).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "bookingId must be a booking id (letters, digits, . _ : -, at most 100)", "_");
        }
        return stories.of(bookingId)
            .<ResponseEntity<?>>map(ResponseEntity::ok)
            .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No message or delivery about booking " + bookingId, bookingId));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create("/internal/story/" + key));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Messages name the booking's people (masked) and operator: the admin's alone. */
    @Configuration(proxyBeanMethods = false)
    static class StoryAccess {

        @Bean
        AuthorizationRulesCustomizer storyRules() {
            return rules -> rules.requestMatchers("/internal/story/**").hasRole(TenantType.ADMIN.name());
        }
    }
}
