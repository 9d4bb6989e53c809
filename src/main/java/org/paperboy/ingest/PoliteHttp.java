package org.paperboy.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP client for arXiv, following its terms of use: one request at a time with a pause
 * between requests, 503 + Retry-After honoured (seconds or an HTTP date), bounded retries with
 * exponential backoff on other 5xx answers and I/O errors, connect and read timeouts.
 */
public final class PoliteHttp {

    /** How long to wait; tests record the waits instead of sleeping through them. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> {
            if (!d.isNegative() && !d.isZero()) Thread.sleep(d);
        };
    }

    public record Policy(Duration delay, Duration connectTimeout, Duration readTimeout, int maxAttempts,
                         Duration firstBackoff, Duration maxRetryAfter) {
        public static Policy withDelay(Duration delay) {
            return new Policy(delay, Duration.ofSeconds(20), Duration.ofSeconds(120), 5, Duration.ofSeconds(5), Duration.ofMinutes(10));
        }
    }

    /** A body with status 200. */
    public record Response(URI uri, byte[] body) {}

    private static final String USER_AGENT = "Paperboy/0.1 (self-hosted daily papers; OAI-PMH harvester)";

    private final HttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> retries;
    private Instant lastRequest = Instant.EPOCH;

    public PoliteHttp(Policy policy, Sleeper sleeper, Clock clock) {
        this(policy, sleeper, clock, message -> {});
    }

    /** @param retries told of each retry in one line (the CLI shows them; the scheduled job stays quiet) */
    public PoliteHttp(Policy policy, Sleeper sleeper, Clock clock, Consumer<String> retries) {
        this.retries = retries;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * GETs the URI, waiting and retrying as the policy says.
     *
     * @throws HarvestException when the server keeps failing, answers 4xx, or cannot be reached
     */
    public synchronized Response get(URI uri) throws InterruptedException {
        String lastProblem = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            pause();
            HttpResponse<byte[]> r;
            try {
                r = client.send(HttpRequest.newBuilder(uri).timeout(policy.readTimeout()).header("User-Agent", USER_AGENT)
                        .header("Accept-Encoding", "identity").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                lastProblem = describe(e);
                if (attempt == policy.maxAttempts()) {
                    throw new HarvestException(HarvestException.Kind.UNREACHABLE, uri.getHost() + " unreachable (" + lastProblem + ", "
                            + policy.maxAttempts() + (policy.maxAttempts() == 1 ? " try)" : " tries)"), e);
                }
                Duration wait = backoff(attempt);
                retries.accept(uri.getHost() + ": " + lastProblem + "; try " + (attempt + 1) + " of " + policy.maxAttempts() + " in " + seconds(wait));
                sleeper.sleep(wait);
                continue;
            } finally {
                lastRequest = clock.instant();
            }
            if (r.statusCode() == 200) return new Response(uri, r.body());
            lastProblem = "HTTP " + r.statusCode();
            if (r.statusCode() < 500 && r.statusCode() != 429) {
                throw new HarvestException(HarvestException.Kind.REFUSED, uri.getHost() + " answered HTTP " + r.statusCode() + " to " + uri, null);
            }
            if (attempt == policy.maxAttempts()) break;
            Duration wait = retryAfter(r).orElse(backoff(attempt));
            retries.accept(uri.getHost() + ": " + lastProblem + "; try " + (attempt + 1) + " of " + policy.maxAttempts() + " in " + seconds(wait));
            sleeper.sleep(wait);
        }
        throw new HarvestException(HarvestException.Kind.SERVER, lastProblem(uri, lastProblem), null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private String lastProblem(URI uri, String problem) {
        return uri.getHost() + " kept failing (" + problem + ", " + policy.maxAttempts() + " tries)";
    }

    private void pause() throws InterruptedException {
        Duration since = Duration.between(lastRequest, clock.instant());
        Duration wait = policy.delay().minus(since);
        if (!wait.isNegative() && !wait.isZero()) sleeper.sleep(wait);
    }

    Duration backoff(int attempt) {
        return policy.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, clock.instant()))
                .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d);
    }

    /** "120" (seconds) or an HTTP date ("Fri, 27 Nov 2026 10:00:00 GMT"); empty when neither. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A few words for a log line: what went wrong on the network, without a stack trace. */
    static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve the host name: no network or DNS";
            }
        }
        if (e instanceof HttpConnectTimeoutException) return "connect timed out";
        if (e instanceof HttpTimeoutException) return "no answer in time";
        if (e instanceof ConnectException) return "connection refused or no route to host";
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
