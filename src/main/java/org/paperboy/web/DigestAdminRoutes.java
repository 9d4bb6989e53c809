package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.paperboy.notify.DigestOverview;
import org.paperboy.notify.DigestPreview;
import org.paperboy.notify.Frequency;
import org.paperboy.notify.MailRenderer;

/**
 * {@code /admin/digest} (subscribers, recent digests, delivery chart) and
 * {@code /admin/digest/preview} (the next digest as it will be sent), behind a
 * {@link DigestAdminGate}: signed-in administrators only.
 */
public final class DigestAdminRoutes implements RouteGroup {
    /** Days the delivery chart covers. */
    static final int CHART_DAYS = 14;

    private final DigestPreview preview;
    private final DigestOverview overview;
    private final Templates templates;
    private final Clock clock;
    private final DigestAdminGate gate;

    public DigestAdminRoutes(DigestPreview preview, DigestOverview overview, Templates templates, Clock clock, DigestAdminGate gate) {
        this.preview = preview;
        this.overview = overview;
        this.templates = templates;
        this.clock = clock;
        this.gate = gate;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/digest/preview", this::preview);
        routes.get("/admin/digest", this::overview);
    }

    private void overview(Context ctx) {
        gate.check(ctx);
        var runs = overview.recentRuns(20).stream().map(r -> new DigestAdminPage.Run(r.run().key(), r.run().paperIds().size(),
                r.run().composed(), r.outbox())).toList();
        var chart = DigestDeliveryChart.of(overview.deliveries(CHART_DAYS), LocalDate.now(clock.withZone(ZoneOffset.UTC)), CHART_DAYS);
        ctx.header("Cache-Control", "no-store").html(templates.render("digest-admin.jte",
                new DigestAdminPage(Meta.of("Digests · Paperboy admin", "Digest delivery"), overview.subscribers(), runs, chart)));
    }

    private void preview(Context ctx) {
        gate.check(ctx);
        Frequency f = Frequency.parse(ctx.queryParamAsClass("frequency", String.class).getOrDefault("daily"))
                .orElseThrow(() -> HttpError.badRequest("frequency must be daily or weekly"));
        MailRenderer.Rendered mail = preview.render(f)
                .orElseThrow(() -> HttpError.notFound("No " + f.key() + " digest would be sent now: the period has no papers."));
        ctx.header("Cache-Control", "no-store");
        if ("text".equals(ctx.queryParam("part"))) ctx.contentType("text/plain; charset=utf-8").result(mail.text());
        else ctx.html(mail.html());
    }
}
