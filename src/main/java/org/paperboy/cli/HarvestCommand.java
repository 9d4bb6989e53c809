package org.paperboy.cli;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.ingest.CategoryHarvest;
import org.paperboy.ingest.HarvestException;
import org.paperboy.ingest.OaiHarvester;
import org.paperboy.ingest.OaiPage;
import org.paperboy.ingest.PoliteHttp;
import org.paperboy.ingest.VersionMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = {"Harvest new and updated papers from arXiv's OAI-PMH endpoint (ListRecords).",
                "Without --set: the archive sets of --harvest-categories, keeping papers in those categories.",
                "A harvest that was stopped resumes from the page after the last one stored;"
                        + " a finished one makes the next start from the last day harvested."})
final class HarvestCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--set", description = "OAI-PMH set, e.g. cs, math, physics:hep-th (keeps every record in it)")
    String set;

    @Option(names = "--from", description = "First datestamp, YYYY-MM-DD (default: the last day harvested, or a week ago)")
    LocalDate from;

    @Option(names = "--until", description = "Last datestamp, YYYY-MM-DD")
    LocalDate until;

    @Option(names = "--endpoint", description = "OAI-PMH base URL (default: the oai-endpoint setting)")
    URI endpoint;

    @Option(names = "--metadata", defaultValue = "arXiv", description = "arXiv or arXivRaw (arXivRaw carries the version history); default ${DEFAULT-VALUE}")
    String metadata;

    @Override
    public void run() {
        if (!metadata.equals("arXiv") && !metadata.equals("arXivRaw")) throw new UserError("--metadata must be arXiv or arXivRaw, not '" + metadata + "'");
        if (from != null && until != null && until.isBefore(from)) throw new UserError("--until is before --from");
        Settings settings = SettingsOptions.load(spec);
        URI oai = endpoint != null ? endpoint : settings.oaiEndpoint();
        List<OaiHarvester.Result> results;
        try (App app = new App(settings); ProgressBar bar = new ProgressBar("harvest", 0)) {
            PoliteHttp http = new PoliteHttp(PoliteHttp.Policy.withDelay(settings.harvestDelay()), PoliteHttp.Sleeper.REAL, app.clock(),
                    message -> System.err.println("paperboy: " + message));
            CategoryHarvest harvest = new CategoryHarvest(new OaiHarvester(http, app.papers(), app.jobs(), new VersionMerger(), app.clock()));
            OaiHarvester.Listener listener = (pageNo, page, kept) -> progress(bar, page);
            results = set != null
                    ? List.of(harvest.set(oai, set, from, until, metadata, listener))
                    : harvest.categories(oai, settings.harvestCategories(), from, until, metadata, listener);
        } catch (HarvestException e) {
            throw new UserError("harvest stopped: " + e.getMessage() + " (run it again to resume)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("harvest interrupted (run it again to resume)");
        }
        for (OaiHarvester.Result r : results) print(r);
    }

    private static void progress(ProgressBar bar, OaiPage page) {
        if (page.completeListSize() != null) bar.total(page.completeListSize());
        bar.step(page.records());
    }

    private void print(OaiHarvester.Result r) {
        var out = spec.commandLine().getOut();
        out.printf("harvest of set %s from %s%s: %d pages, last datestamp %s%n", r.set() == null ? "(all)" : r.set(), r.from(),
                r.resumed() ? " (resumed)" : "", r.pages(), r.lastDatestamp() == null ? "-" : r.lastDatestamp());
        out.print(r.summary().report(20));
        out.flush();
    }
}
