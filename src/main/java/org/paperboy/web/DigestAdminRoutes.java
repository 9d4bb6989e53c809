package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.paperboy.notify.DigestOverview;
import org.paperboy.notify.DigestPreview;
import org.paperboy.notify.Frequency;
import org.paperboy.notify.MailRenderer;

/**
 * {@code /admin/digest/preview}: the next digest as it will be sent. Guarded by the admin-token
 * setting (HTTP Basic with that password, or {@code Authorization: Bearer}); with no token set the
 * page does not exist. TODO(lead): switch to the community package's admin role once merged.
 */
public final class DigestAdminRoutes implements RouteGroup {
    /** Days the delivery chart covers. */
    static final int CHART_DAYS = 14;

    private final DigestPreview preview;
    private final DigestOverview overview;
    private final Templates templates;
    private final java.time.Clock clock;
    private final String adminToken;

    public DigestAdminRoutes(DigestPreview preview, DigestOverview overview, Templates templates, java.time.Clock clock, String adminToken) {
        this.preview = preview;
        this.overview = overview;
        this.templates = templates;
        this.clock = clock;
        this.adminToken = adminToken;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/digest/preview", this::preview);
        routes.get("/admin/digest", this::overview);
    }

    private void requireAdmin(Context ctx) {
        if (adminToken.isEmpty()) throw HttpError.notFound("The digest admin pages are off: set --admin-token to use them.");
        if (authorised(ctx.header("Authorization"))) return;
        ctx.header("WWW-Authenticate", "Basic realm=\"Paperboy admin\", charset=\"UTF-8\"");
        throw new HttpError(401, "The digest admin pages need the admin token.");
    }

    private void overview(Context ctx) {
        requireAdmin(ctx);
        var runs = overview.recentRuns(20).stream().map(r -> new DigestAdminPage.Run(r.run().key(), r.run().paperIds().size(),
                r.run().composed(), r.outbox())).toList();
        var chart = DigestDeliveryChart.of(overview.deliveries(CHART_DAYS), java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)), CHART_DAYS);
        ctx.header("Cache-Control", "no-store").html(templates.render("digest-admin.jte",
                new DigestAdminPage(Meta.of("Digests · Paperboy admin", "Digest delivery"), overview.subscribers(), runs, chart)));
    }

    private void preview(Context ctx) {
        requireAdmin(ctx);
        Frequency f = Frequency.parse(ctx.queryParamAsClass("frequency", String.class).getOrDefault("daily"))
                .orElseThrow(() -> HttpError.badRequest("frequency must be daily or weekly"));
        MailRenderer.Rendered mail = preview.render(f)
                .orElseThrow(() -> HttpError.notFound("No " + f.key() + " digest would be sent now: the period has no papers."));
        ctx.header("Cache-Control", "no-store");
        if ("text".equals(ctx.queryParam("part"))) ctx.contentType("text/plain; charset=utf-8").result(mail.text());
        else ctx.html(mail.html());
    }

    private boolean authorised(String header) {
        if (header == null) return false;
        String given = null;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) given = header.substring(7).strip();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) given = basicPassword(header.substring(6).strip());
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8));
    }

    private static String basicPassword(String b64) {
        try {
            String pair = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
