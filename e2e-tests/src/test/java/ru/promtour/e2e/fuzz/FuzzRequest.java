package ru.promtour.e2e.fuzz;

/**
 * One generated request: what it tries ({@code mutation}), and exactly what goes on the wire, so a finding can be
 * replayed with curl. {@code body} is the raw text (null: none); {@code contentType} is sent with it.
 */
public record FuzzRequest(ApiOperation operation, RequestGenerator.Mutation mutation, String method, String path,
        String contentType, String body, String octoCapabilities) {
}
