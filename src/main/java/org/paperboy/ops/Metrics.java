package org.paperboy.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * This node's meters, scraped as Prometheus text at {@code GET /metrics}. Timers publish histogram
 * buckets so that p99 can be computed across nodes; gauges are read when scraped.
 */
public final class Metrics {
    private static final Duration SLO_MIN = Duration.ofMillis(1);
    private static final Duration SLO_MAX = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Runnable beforeScrape = () -> { };

    public MeterRegistry registry() {
        return registry;
    }

    /** One HTTP request: {@code route} is the route's pattern ("/papers/{id}"), never the raw path, so labels stay few. */
    public void http(String method, String route, int status, long nanos) {
        timer("paperboy.http.requests", "HTTP requests by route", Tags.of("method", method, "route", route, "status", status / 100 + "xx"))
                .record(Duration.ofNanos(nanos));
    }

    /** One search request by mode (keyword, semantic, hybrid). */
    public void search(String mode, long nanos) {
        timer("paperboy.search", "Search requests by mode", Tags.of("mode", mode)).record(Duration.ofNanos(nanos));
    }

    /** One run of a scheduled job on this node; Prometheus sums the counters of all nodes. */
    public void jobRun(String job, boolean succeeded) {
        Counter.builder("paperboy.job.runs").description("Runs of a scheduled job on this node, by outcome")
                .tags("job", job, "outcome", succeeded ? "success" : "failure").register(registry).increment();
    }

    private Timer timer(String name, String help, Tags tags) {
        return Timer.builder(name).description(help).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(SLO_MIN).maximumExpectedValue(SLO_MAX).register(registry);
    }

    /** A value read at each scrape; a supplier that throws (database down) shows as NaN. */
    public void gauge(String name, String help, Tags tags, Supplier<Number> value) {
        Gauge.builder(name, value).description(help).tags(tags).register(registry);
    }

    /** Runs before each scrape (reading values that are cheaper to read together). */
    public void beforeScrape(Runnable r) {
        this.beforeScrape = r;
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        try {
            beforeScrape.run();
        } catch (RuntimeException e) {
            // the database is down: the gauges that need it show NaN, the rest still answer
        }
        return registry.scrape();
    }
}
