package org.paperboy.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks GitHub's REST API for one repository ({@code GET /repos/{owner}/{repo}}) and reads its
 * {@code stargazers_count}. It reads GitHub's rate-limit answers as GitHub documents them: 403 or
 * 429 with {@code Retry-After} (seconds), or with {@code X-RateLimit-Remaining: 0} and
 * {@code X-RateLimit-Reset} (epoch seconds), or neither (a secondary limit: wait a minute).
 * The token, when given, goes only into the Authorization header.
 */
public final class GitHubClient {

    /** What GitHub said about one repository. */
    public sealed interface Answer {
        /** @param quotaEmptyUntil when this answer used the last request of the hour: the reset time; else null */
        record Stars(int count, Instant quotaEmptyUntil) implements Answer {}

        /** 404, 410 or 451: deleted, private, renamed away or blocked. */
        record Gone() implements Answer {}

        /** 403 or 429 for the rate limit: ask nothing before {@code until}. */
        record RateLimited(Instant until) implements Answer {}

        /** A server error or a malformed answer: worth asking again later. */
        record Failed(String problem) implements Answer {}

        /** No answer at all (no network, DNS, a timeout): the other repositories would fare no better. */
        record Unreachable(String problem) implements Answer {}
    }

    /** GitHub's advice for a secondary rate limit that names no time. */
    static final Duration SECONDARY_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final String USER_AGENT = "Paperboy/0.1 (self-hosted daily papers; repository stars)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiBase;
    private final String token;
    private final Clock clock;
    private final HttpClient http;

    /** @param token a personal access token, or empty for unauthenticated requests (60 an hour) */
    public GitHubClient(URI apiBase, String token, Clock clock) {
        this.apiBase = apiBase;
        this.token = token;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build(); // a renamed repository answers 301
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }

    /** @param repo "owner/name" as {@link GitHubRepos} gives it */
    public Answer stars(String repo) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + "/repos/" + repo)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", USER_AGENT).GET();
        if (hasToken()) request.header("Authorization", "Bearer " + token);
        HttpResponse<byte[]> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Answer.Unreachable(apiBase.getHost() + " unreachable (" + e.getClass().getSimpleName() + ")");
        }
        int status = r.statusCode();
        if (status == 200) return parse(r);
        if (status == 404 || status == 410 || status == 451) return new Answer.Gone();
        if (status == 403 || status == 429) return new Answer.RateLimited(limitedUntil(r));
        return new Answer.Failed("HTTP " + status);
    }

    private Answer parse(HttpResponse<byte[]> r) {
        JsonNode count;
        try {
            count = JSON.readTree(r.body()).path("stargazers_count");
        } catch (IOException e) {
            return new Answer.Failed("malformed JSON");
        }
        if (!count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 0) return new Answer.Failed("no stargazers_count in the answer");
        Instant emptyUntil = header(r, "X-RateLimit-Remaining").filter(v -> v == 0).flatMap(v -> reset(r)).orElse(null);
        return new Answer.Stars(count.asInt(), emptyUntil);
    }

    private Instant limitedUntil(HttpResponse<?> r) {
        Instant now = clock.instant();
        Optional<Long> retryAfter = header(r, "Retry-After");
        if (retryAfter.isPresent()) return now.plusSeconds(Math.max(0, retryAfter.get()));
        if (header(r, "X-RateLimit-Remaining").filter(v -> v == 0).isPresent()) {
            Optional<Instant> reset = reset(r);
            if (reset.isPresent() && reset.get().isAfter(now)) return reset.get();
        }
        return now.plus(SECONDARY_LIMIT_WAIT);
    }

    private static Optional<Instant> reset(HttpResponse<?> r) {
        return header(r, "X-RateLimit-Reset").map(Instant::ofEpochSecond);
    }

    private static Optional<Long> header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).map(String::strip).filter(v -> v.matches("\\d{1,12}")).map(Long::parseLong);
    }
}
