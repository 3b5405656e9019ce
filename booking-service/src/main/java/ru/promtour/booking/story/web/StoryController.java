package ru.promtour.booking.story.web;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.promtour.booking.story.BookingStories;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

/**
 * {@code GET /internal/story/{bookingIdOrUuid}}: booking-service's part of a booking's story, for the admin only (the
 * gateway calls it with the admin's internal token and merges it with notification-service's part). Errors are
 * problem+json written here: 400 for an id of no known shape, 404 for an unknown booking, 409 for an ambiguous uuid.
 */
@RestController
class StoryController {

    static final String PATH = "/internal/story/{bookingIdOrUuid}";

    private final BookingStories stories;

    StoryController(BookingStories stories) {
        this.stories = stories;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> story(@PathVariable String bookingIdOrUuid) {
        try {
            return stories.of(bookingIdOrUuid)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No booking with id, OCTO uuid or supplier reference "
                        + bookingIdOrUuid, bookingIdOrUuid));
        }
        catch (BookingStories.MalformedId ex) {
            return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), bookingIdOrUuid);
        }
        catch (BookingStories.AmbiguousUuid ex) {
            return problem(HttpStatus.CONFLICT, ex.getMessage(), bookingIdOrUuid);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create("/internal/story/" + (key.matches("[A-Za-z0-9-]{1,64}") ? key : "_")));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The story names operators, enterprises and every event of a booking: the admin's alone. */
    @Configuration(proxyBeanMethods = false)
    static class StoryAccess {

        @Bean
        AuthorizationRulesCustomizer storyRules() {
            return rules -> rules.requestMatchers("/internal/story/**").hasRole(TenantType.ADMIN.name());
        }
    }
}
