package org.paperboy.cli;

import java.util.ArrayList;
import java.util.List;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.ingest.ArxivApiClient;
import org.paperboy.ingest.HarvestException;
import org.paperboy.ingest.ImportSummary;
import org.paperboy.ingest.PoliteHttp;
import org.paperboy.ingest.VersionMerger;
import org.paperboy.paper.ArxivId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch papers by arXiv id (or abs/pdf URL) from the arXiv API and add or update them.")
final class FetchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "arXiv ids such as 2503.11731, hep-th/9901001v2 or https://arxiv.org/abs/2503.11731")
    List<String> ids;

    @Override
    public void run() {
        List<ArxivId> parsed = new ArrayList<>();
        for (String s : ids) parsed.add(ArxivId.parse(s).orElseThrow(() -> new UserError("not an arXiv id: '" + s + "'")));
        Settings settings = SettingsOptions.load(spec);
        try (App app = new App(settings)) {
            PoliteHttp http = new PoliteHttp(PoliteHttp.Policy.withDelay(settings.harvestDelay()), PoliteHttp.Sleeper.REAL, app.clock(),
                    message -> System.err.println("paperboy: " + message));
            ArxivApiClient api = new ArxivApiClient(http, settings.arxivApi(), app.papers(), new VersionMerger(), app.clock());
            ImportSummary summary = new ImportSummary();
            var out = spec.commandLine().getOut();
            try (ProgressBar bar = new ProgressBar("fetch", parsed.size())) {
                api.fetch(parsed, summary, batch -> {
                    for (ArxivApiClient.Fetched f : batch) {
                        out.printf("%-10s %s%s%n", f.outcome().name().toLowerCase(), f.id(), f.title() == null ? "  (arXiv does not know this id)" : "  " + f.title());
                    }
                    bar.step(batch.size()); // per request: with the polite delay, a long list takes a while
                });
            }
            summary.firstRejections().forEach(r -> out.println("rejected: " + r));
            out.flush();
        } catch (HarvestException e) {
            throw new UserError("fetch stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("fetch interrupted");
        }
    }
}
