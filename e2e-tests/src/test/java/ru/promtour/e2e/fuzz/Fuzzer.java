package ru.promtour.e2e.fuzz;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import ru.promtour.test.web.TestHttp;

/**
 * Sends a bounded number of generated requests to one service's operations through the gateway, each with the key
 * of a tenant the route is for (so it passes authentication and reaches validation), paced under the gateway's
 * per-key rate limits, and judges every answer with {@link ErrorShape}. Request {@code i} of a service comes from
 * its own {@link SplittableRandom} seeded with the run's seed, the service and {@code i}: the same seed
 * generates the same requests, whatever the thread interleaving.
 */
public final class Fuzzer {

    /** API keys by tenant type: several keys per tenant multiply the rate the gateway lets through. */
    public record Callers(String admin, List<String> enterprise, List<String> operator) {
    }

    /** What a run did: requests sent, answers by status, findings grouped by operation and problem. */
    public record Result(String service, long seed, int requests, Map<Integer, Long> statuses, long fiveXx, int findings,
            Map<String, Long> groups, long millis) {
    }

    private final String gatewayUrl;
    private final Callers callers;
    private final RequestGenerator generator;
    private final Findings findings;
    private final long seed;
    private final Map<String, Long> nextSend = new HashMap<>();

    public Fuzzer(String gatewayUrl, Callers callers, RequestGenerator generator, Findings findings, long seed) {
        this.gatewayUrl = gatewayUrl;
        this.callers = callers;
        this.generator = generator;
        this.findings = findings;
        this.seed = seed;
    }

    public Result run(String service, List<ApiOperation> operations, int requests, int threads) throws InterruptedException {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> groups = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + service.hashCode() * 7_919L + i);
                    FuzzRequest request = generator.next(operations.get(random.nextInt(operations.size())), random);
                    List<String> problems = send(i, request, random, statuses);
                    if (!problems.isEmpty()) {
                        found.incrementAndGet();
                        problems.forEach(p -> groups.computeIfAbsent(request.operation().id() + " | "
                                + p.replaceAll("\\d{3}$", "xxx").replaceAll(": .*", ""), k -> new LongAdder()).increment());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            pool.shutdownNow();
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        Map<String, Long> byGroup = new TreeMap<>();
        groups.forEach((group, count) -> byGroup.put(group, count.sum()));
        long fiveXx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        Result result = new Result(service, seed, requests, byStatus, fiveXx, found.get(), byGroup,
                (System.nanoTime() - started) / 1_000_000);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", service);
        summary.put("seed", seed);
        summary.put("requests", requests);
        summary.put("operations", operations.size());
        summary.put("seconds", result.millis() / 1000.0);
        summary.put("statuses", byStatus);
        summary.put("fiveXx", fiveXx);
        summary.put("findings", found.get());
        summary.put("findingGroups", byGroup);
        findings.summary(service, summary);
        return result;
    }

    private List<String> send(int index, FuzzRequest request, SplittableRandom random, Map<Integer, LongAdder> statuses) {
        String caller = caller(request, random);
        String key = switch (caller) {
            case "admin" -> callers.admin();
            case "enterprise" -> callers.enterprise().get(random.nextInt(callers.enterprise().size()));
            default -> callers.operator().get(random.nextInt(callers.operator().size()));
        };
        pace(key, request.path());
        List<String> headers = new ArrayList<>();
        if (request.body() != null) {
            headers.addAll(List.of("Content-Type", request.contentType()));
        }
        if (request.octoCapabilities() != null) {
            headers.addAll(List.of("Octo-Capabilities", request.octoCapabilities()));
        }
        TestHttp http = TestHttp.at(gatewayUrl).withToken(key).withHeader("Accept", "application/json")
                .withTimeout(Duration.ofSeconds(30));
        int status;
        String contentType;
        String body;
        List<String> problems;
        try {
            TestHttp.Response response = http.send(request.method(), request.path(), request.body(), headers.toArray(String[]::new));
            status = response.status();
            contentType = response.contentType();
            body = response.body();
            problems = ErrorShape.problems(request.path(), status, contentType, body);
        }
        catch (UncheckedIOException ex) {
            status = -1;
            contentType = "";
            body = String.valueOf(ex.getCause());
            problems = List.of("no answer: " + ex.getCause());
        }
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (!problems.isEmpty()) {
            findings.record(seed, index, caller, request, status, contentType, body, problems);
        }
        return problems;
    }

    /** Who the route is for (docs/architecture.md): operators under /octo, the admin under /admin, else enterprises. */
    private static String caller(FuzzRequest request, SplittableRandom random) {
        String path = request.operation().path();
        if (path.startsWith("/octo/")) {
            return "operator";
        }
        if (path.startsWith("/admin/") || path.equals("/api/v1/enterprises") && request.method().equals("POST")) {
            return "admin";
        }
        if (path.startsWith("/api/v1/notifications")) {
            return random.nextBoolean() ? "operator" : "enterprise";
        }
        return random.nextInt(10) == 0 ? "admin" : "enterprise";
    }

    /**
     * Waits for this key's turn on the route, at 80 % of the gateway's per-key rate (application.yml, rate-limits):
     * 50/s on the OCTO catalog and booking routes, 10/s for the admin key on /admin/** (EdgeRateLimits), else 20/s.
     */
    private void pace(String key, String path) {
        String route = path.startsWith("/octo/bookings") ? "booking-octo"
                : path.startsWith("/octo/webhooks") ? "notification-octo"
                : path.startsWith("/octo/") ? "catalog-octo"
                : path.startsWith("/api/v1/bookings") || path.startsWith("/api/v1/manifests") ? "booking-api"
                : path.startsWith("/api/v1/catalog") ? "catalog-public"
                : path.startsWith("/api/v1/notifications") ? "notification-api"
                : path.startsWith("/admin/") ? "notification-admin" : "catalog-api";
        double perSecond = 0.8 * (route.endsWith("-octo") && !route.startsWith("notification") ? 50
                : route.equals("notification-admin") ? 10 : 20);
        long wait;
        synchronized (nextSend) {
            long now = System.nanoTime();
            long at = Math.max(now, nextSend.getOrDefault(key + route, now));
            nextSend.put(key + route, at + (long) (1e9 / perSecond));
            wait = at - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
