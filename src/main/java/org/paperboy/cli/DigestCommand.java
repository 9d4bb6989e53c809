package org.paperboy.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.paperboy.App;
import org.paperboy.notify.DigestComposer;
import org.paperboy.notify.DigestOverview;
import org.paperboy.notify.DigestPeriod;
import org.paperboy.notify.OutboxSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Compose and send e-mail digests; deliver the outbox; show subscription figures.",
        subcommands = {DigestCommand.Run.class, DigestCommand.Send.class, DigestCommand.Status.class, DigestCommand.Unsubscribe.class})
final class DigestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Compose the digest of the papers listed on a day (default: the latest day) for every confirmed",
                    "subscriber who has not had it yet, then deliver it. Safe to rerun: nobody gets it twice."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Listing day of the daily digest (default: the latest day with papers)")
        String date;

        @Option(names = "--weekly", description = "Compose the weekly digest of the ISO week holding --date (default: last week) instead")
        boolean weekly;

        @Option(names = "--dry-run", description = "Only say how many papers and mails it would be; write and send nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            try (App app = new App(SettingsOptions.load(spec))) {
                DigestPeriod period = period(app);
                DigestComposer.Result r;
                try (ProgressBar bar = new ProgressBar("composing " + period.key(), 0)) {
                    r = app.digestComposer().compose(period, dryRun, bar::step);
                }
                if (r.empty()) {
                    System.out.println(period.key() + ": no papers listed, so no digest.");
                    return 0;
                }
                if (dryRun) {
                    System.out.printf("%s: %d papers; would queue %d mails (dry run: nothing written or sent)%n", period.key(), r.papers(), r.queued());
                    return 0;
                }
                System.out.printf("%s: %d papers, %d mails queued%n", period.key(), r.papers(), r.queued());
                return Send.deliver(app);
            }
        }

        private DigestPeriod period(App app) {
            LocalDate day;
            try {
                day = date != null ? LocalDate.parse(date)
                        : weekly ? LocalDate.now(app.clock()).minusWeeks(1)
                        : app.papers().latestDay().orElseThrow(() -> new UserError("the catalog has no papers yet: import or harvest some first"));
            } catch (DateTimeParseException e) {
                throw new UserError("--date: expected YYYY-MM-DD, got '" + date + "'");
            }
            return weekly ? DigestPeriod.weekly(day) : DigestPeriod.daily(day);
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Deliver every outbox row that is due now (digests and confirmations), with retries left queued.",
                    "Exit status 1 when a mail failed for good or rows are still claimed by another sender (stuck) at the end."})
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = new App(SettingsOptions.load(spec))) {
                return deliver(app);
            }
        }

        static int deliver(App app) {
            System.err.println("delivering via " + app.mailTransport().describe());
            OutboxSender.Report r;
            try (ProgressBar bar = new ProgressBar("sending", 0)) {
                long[] seen = {0};
                r = app.outboxSender().sendDue(p -> {
                    bar.step(p.total() - seen[0]);
                    seen[0] = p.total();
                });
            }
            System.out.printf("sent %d, to retry later %d, failed %d, skipped %d%n", r.sent(), r.retried(), r.failed(), r.skipped());
            app.outbox().nextDue().ifPresent(t -> System.out.println("next retry due at " + Instant.ofEpochMilli(t)));
            var stuck = app.outboxSender().stillClaimed();
            if (stuck.rows() > 0) {
                // held by another sender; if that one died they are queued again once its claim expires
                Instant requeued = Instant.ofEpochMilli(stuck.oldestClaimAt()).plus(OutboxSender.CLAIM_LEASE);
                System.out.printf("%d mails still claimed by another sender and not delivered; if it stopped, they are queued"
                        + " again at %s (run digest send again then)%n", stuck.rows(), requeued);
                return 1;
            }
            return r.failed() > 0 ? 1 : 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Subscribers by status and recent digests with their delivery figures.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = new App(SettingsOptions.load(spec))) {
                DigestOverview o = app.digestOverview();
                System.out.println("subscriptions (status/frequency): " + o.subscribers());
                for (var r : o.recentRuns(10)) {
                    System.out.printf("%-22s %2d papers  %s  outbox %s%n", r.run().key(), r.run().paperIds().size(),
                            r.run().composed() ? "composed " : "composing", r.outbox());
                }
                System.out.println("confirmations: " + o.confirmations());
                return 0;
            }
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true,
            description = "Unsubscribe an address at once (for mailto: unsubscribe requests handled by hand).")
    static final class Unsubscribe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            try (App app = new App(SettingsOptions.load(spec))) {
                var s = app.subscriptions().unsubscribeAddress(email);
                System.out.println(s.isPresent() ? email + " is unsubscribed." : email + " is not subscribed.");
                return 0;
            }
        }
    }
}
