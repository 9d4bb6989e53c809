package org.paperboy.ops;

import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paperboy.notify.MailQueue;
import org.paperboy.store.JobState;
import org.paperboy.store.JobStateRepository;

/**
 * The gauges a node publishes: its index lag, the embedding backlog, the two mail queues, and each
 * job's state as the database holds it (so every node shows the same, cluster-wide values).
 */
public final class NodeGauges {
    private final Metrics metrics;
    private final JobStateRepository jobs;
    private final Clock clock;
    private final Map<String, JobState> jobStates = new ConcurrentHashMap<>();

    public NodeGauges(Metrics metrics, JobStateRepository jobs, Clock clock) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.clock = clock;
    }

    public void index(IndexLag lag, LongSupplier embeddingBacklog) {
        metrics.gauge("paperboy.index.lag.changes", "Database changes this node's search index has not applied", Tags.empty(), lag::changes);
        metrics.gauge("paperboy.index.lag.seconds", "Seconds since this node's index was last caught up (0 when it is)", Tags.empty(), lag::seconds);
        metrics.gauge("paperboy.embeddings.backlog", "Papers still waiting for their embedding vector", Tags.empty(), embeddingBacklog::getAsLong);
    }

    /** @param queue "digest" (the digest outbox) or "account" (account mails) */
    public void mailQueue(String queue, Supplier<MailQueue.Depth> depth) {
        Tags tags = Tags.of("queue", queue);
        metrics.gauge("paperboy.outbox.depth", "Mails queued or being sent", tags, () -> depth.get().waiting());
        metrics.gauge("paperboy.outbox.oldest.age.seconds", "Age of the oldest mail still waiting (0 when none)", tags, () -> {
            MailQueue.Depth d = depth.get();
            return d.waiting() == 0 ? 0 : Math.max(0, clock.millis() - d.oldestQueuedAt()) / 1000.0;
        });
    }

    /** Reads job_state; called before each scrape, it adds gauges for jobs that appeared since. */
    public void refreshJobs() {
        List<JobState> all = jobs.all();
        for (JobState s : all) {
            if (jobStates.put(s.name(), s) != null) continue;
            Tags tags = Tags.of("job", s.name());
            metrics.gauge("paperboy.job.consecutive.failures", "Failed runs of the job since its last success", tags,
                    () -> jobStates.get(s.name()).attempts());
            metrics.gauge("paperboy.job.next.run.seconds", "Seconds until the job's next run or lease end (negative: overdue)", tags,
                    () -> secondsUntil(jobStates.get(s.name())));
            metrics.gauge("paperboy.job.last.update.age.seconds", "Seconds since a node last recorded a run of the job", tags,
                    () -> ageSeconds(jobStates.get(s.name())));
        }
    }

    private double secondsUntil(JobState s) {
        return s.nextRun() == null ? Double.NaN : (s.nextRun().toEpochMilli() - clock.millis()) / 1000.0;
    }

    private double ageSeconds(JobState s) {
        return s.updatedAt() == null ? Double.NaN : (clock.millis() - s.updatedAt().toEpochMilli()) / 1000.0;
    }
}
