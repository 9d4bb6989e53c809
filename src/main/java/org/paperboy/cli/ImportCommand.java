package org.paperboy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paperboy.App;
import org.paperboy.ingest.Format;
import org.paperboy.ingest.ImportService;
import org.paperboy.ingest.ImportSummary;
import org.paperboy.ingest.Input;
import org.paperboy.ingest.UnknownFormatException;
import org.paperboy.ingest.VersionMerger;
import org.paperboy.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import paper records from files (or - for standard input) into the catalog.",
                "Formats, detected from the content (.gz accepted): Kaggle arxiv-metadata-oai-snapshot JSON lines,"
                        + " arxiv-daily JSON lines, OAI-PMH XML (arXiv / arXivRaw), arXiv API Atom XML.",
                "Running it twice changes nothing; a newer version of a paper updates it and keeps its history.",
                "Exit status: 0 when every record was imported, 1 when any was rejected (the summary lists them), 2 on a usage or start-up error."})
final class ImportCommand implements Callable<Integer> {
    /** Exit status when every record was imported; {@link #SOME_REJECTED} when any was rejected (or a file was cut short). */
    static final int ALL_IMPORTED = 0;
    static final int SOME_REJECTED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; - reads standard input")
    List<String> files;

    @Option(names = "--batch", defaultValue = "1000", description = "Papers written per transaction (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--no-index", description = "Leave the search index to serve's follower instead of bringing it up to date after the import")
    boolean noIndex;

    @Option(names = "--show-rejected", defaultValue = "20", description = "How many rejected records to list (default ${DEFAULT-VALUE})")
    int shown;

    @Override
    public Integer call() {
        if (batch < 1) throw new UserError("--batch must be at least 1");
        for (String file : files) checkFormat(file);
        try (App app = new App(SettingsOptions.load(spec))) {
            ImportService service = new ImportService(app.papers(), new VersionMerger(), app.clock(), batch);
            ImportSummary summary = new ImportSummary();
            long start = System.nanoTime();
            try (ProgressBar bar = new ProgressBar("import", 0)) {
                for (String file : files) importFile(service, file, summary, bar);
                bar.total(bar.done());
            } catch (StoreException | UserError e) {
                throw e;
            } catch (RuntimeException e) {
                // a full disk or a read-only database: what was committed stays, a rerun goes on from there
                Throwable root = e;
                while (root.getCause() != null) root = root.getCause();
                if (StartupFailure.describe(e).isEmpty()) throw e;
                throw new UserError("cannot write to the database " + app.settings().dbUrl().replaceFirst("^jdbc:sqlite:", "")
                        + ": " + root.getMessage() + " (" + summary.papers() + " papers were written before; rerun the import once fixed)");
            }
            summary.elapsed(Duration.ofNanos(System.nanoTime() - start));
            spec.commandLine().getOut().print(summary.report(shown));
            spec.commandLine().getOut().flush();
            if (!noIndex) index(app);
            // a script must see that records were lost (a cut .gz, say), not only a person reading the summary
            return summary.rejected() > 0 ? SOME_REJECTED : ALL_IMPORTED;
        }
    }

    /**
     * Brings the search index up to date now, so that the first serve searches the whole catalog at once
     * instead of catching up for minutes (a running serve owns the index and follows the import itself).
     */
    private static void index(App app) {
        var follower = app.search().follower();
        if (app.search().index().readOnly()) return;
        try (ProgressBar bar = new ProgressBar("indexing", follower.behind())) {
            follower.catchUp(bar::step);
        }
    }

    /** Refuses an unknown format or a missing file before anything is written (standard input is checked as it is read). */
    private static void checkFormat(String file) {
        if (file.equals("-")) return;
        try (Input in = Input.open(file, System.in)) {
            Format.detect(in.content(), file);
        } catch (UnknownFormatException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private void importFile(ImportService service, String file, ImportSummary summary, ProgressBar bar) {
        long before = bar.done();
        try (Input in = Input.open(file, System.in)) {
            service.importOne(in, summary, new ImportService.Progress() {
                @Override
                public void papers(long n) {
                    bar.step(n);
                }

                @Override
                public void estimatedTotal(long n) {
                    bar.total(before + n);
                }
            }, p -> true);
        } catch (UnknownFormatException e) {
            throw new UserError(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
