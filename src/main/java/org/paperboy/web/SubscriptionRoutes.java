package org.paperboy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.community.RateLimiter;
import org.paperboy.community.User;
import org.paperboy.notify.InvalidInput;
import org.paperboy.notify.Subscription;
import org.paperboy.notify.Subscriptions;
import org.paperboy.web.community.AccountSessions;

/**
 * Subscribing and managing a subscription: the form and JSON API (double opt-in, rate-limited),
 * the confirmation page, one-click unsubscribe (RFC 8058, exempt from CSRF: its URL carries its own
 * secret) and the settings page a digest links to.
 */
public final class SubscriptionRoutes implements RouteGroup {
    /** Paths under this prefix carry their own secret and accept RFC 8058 POSTs from mail clients. */
    public static final String UNSUBSCRIBE_PREFIX = "/unsubscribe/";
    static final String CHECK_INBOX = "Thanks! If this address is not subscribed yet, a confirmation mail is on its way: "
            + "open the link in it to start receiving digests.";
    private static final int MAX_BODY = 16_384;

    private final Subscriptions subscriptions;
    private final Templates templates;
    private final Csrf csrf;
    private final RateLimiter limiter;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Per client address: a burst of {@link #BURST}, one more per {@link #REFILL}; shared by the nodes on PostgreSQL,
     * enough to stop a script mailing confirmation requests to strangers.
     */
    public static final int BURST = 5;
    public static final Duration REFILL = Duration.ofMinutes(1);

    /** @param limiter shared token buckets (keys here are prefixed, so one limiter may serve several uses) */
    public SubscriptionRoutes(Subscriptions subscriptions, Templates templates, Csrf csrf, RateLimiter limiter) {
        this.subscriptions = subscriptions;
        this.templates = templates;
        this.csrf = csrf;
        this.limiter = limiter;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        // the footer of every page sends its fields here by GET; the state change is this page's POST
        routes.get("/subscribe", ctx -> subscribePage(ctx, 200, Text.clip(ctx.queryParam("email"), MAX_EMAIL_PREFILL),
                "weekly".equals(ctx.queryParam("frequency")) ? "weekly" : "daily", null, null));
        routes.post("/subscribe", this::subscribeForm);
        routes.post("/api/subscriptions", this::subscribeJson);
        routes.get("/subscribe/confirm", this::confirmPage);
        routes.post("/subscribe/confirm", this::confirm);
        routes.get(UNSUBSCRIBE_PREFIX + "{token}", this::unsubscribePage);
        routes.post(UNSUBSCRIBE_PREFIX + "{token}", this::unsubscribe);
        routes.get("/subscription/{token}", ctx -> settingsPage(ctx, settingsSubscription(ctx), 200, null, null));
        routes.get("/account/digest", this::accountDigest);
        routes.post("/subscription/{token}", this::saveSettings);
    }

    private void limit(Context ctx) {
        long wait = limiter.acquire("subscribe:ip:" + ctx.ip(), BURST, REFILL.multipliedBy(BURST));
        if (wait == 0) return;
        ctx.header("Retry-After", String.valueOf(wait));
        throw new HttpError(429, "Too many subscription requests from your address; try again in " + wait + " seconds.");
    }

    /** A followed search (from an author page's Follow) is at most this long. */
    static final int MAX_FOLLOW = 300;

    private void subscribeForm(Context ctx) {
        limit(ctx);
        String email = ctx.formParam("email");
        String frequency = Optional.ofNullable(ctx.formParam("frequency")).orElse("daily");
        List<String> topics = lines(ctx.formParam("topics"));
        try {
            subscriptions.subscribe(email, frequency, topics);
        } catch (InvalidInput e) {
            subscribePage(ctx, 400, email, frequency, null, e.getMessage());
            return;
        }
        subscribePage(ctx, 200, "", frequency, CHECK_INBOX, null);
    }

    private void subscribeJson(Context ctx) {
        limit(ctx);
        JsonNode body = jsonBody(ctx);
        List<String> topics = new ArrayList<>();
        JsonNode t = body.get("topics");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) throw HttpError.badRequest("\"topics\" must be an array of strings.");
            for (JsonNode n : t) {
                if (!n.isTextual()) throw HttpError.badRequest("\"topics\" must be an array of strings.");
                topics.add(n.asText());
            }
        }
        String frequency = body.hasNonNull("frequency") ? body.get("frequency").asText() : "daily";
        try {
            subscriptions.subscribe(text(body, "email"), frequency, topics);
        } catch (InvalidInput e) {
            throw HttpError.badRequest(e.getMessage());
        }
        ctx.status(202).json(Map.of("status", "pending", "message", CHECK_INBOX));
    }

    private JsonNode jsonBody(Context ctx) {
        String raw = ctx.body();
        if (raw.length() > MAX_BODY) throw HttpError.badRequest("The request body is too large.");
        try {
            JsonNode n = json.readTree(raw);
            if (n == null || !n.isObject()) throw HttpError.badRequest("Expected a JSON object such as {\"email\": \"you@example.org\", \"frequency\": \"daily\"}.");
            return n;
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw HttpError.badRequest("\"" + field + "\" must be a string.");
        return n.asText();
    }

    private void confirmPage(Context ctx) {
        String token = ctx.queryParam("token");
        switch (subscriptions.check(token)) {
            case INVALID -> throw HttpError.badRequest("This confirmation link is not valid or has been used already.");
            case EXPIRED -> throw HttpError.badRequest("This confirmation link has expired. Subscribe again to get a new one.");
            case CONFIRMED -> render(ctx, 200, new SubscriptionActionPage(Meta.of("Confirm your subscription · Paperboy", "Confirm your subscription"),
                    "Confirm your subscription", "One more click and your digests start.", "/subscribe/confirm", token,
                    "Confirm my subscription", csrf.token(ctx)));
        }
    }

    private void confirm(Context ctx) {
        switch (subscriptions.confirm(ctx.formParam("token"))) {
            case INVALID -> throw HttpError.badRequest("This confirmation link is not valid or has been used already.");
            case EXPIRED -> throw HttpError.badRequest("This confirmation link has expired. Subscribe again to get a new one.");
            case CONFIRMED -> render(ctx, 200, SubscriptionActionPage.message("You are subscribed",
                    "Your subscription is confirmed. Every digest has links to change its settings or to unsubscribe."));
        }
    }

    private void unsubscribePage(Context ctx) {
        String token = ctx.pathParam("token");
        Subscription s = subscriptions.forUnsubscribe(token).orElseThrow(() -> HttpError.notFound("This unsubscribe link is not valid."));
        render(ctx, 200, new SubscriptionActionPage(Meta.of("Unsubscribe · Paperboy", "Unsubscribe from Paperboy digests"),
                "Unsubscribe", "Stop sending Paperboy digests to " + s.email() + "?", UNSUBSCRIBE_PREFIX + token, token,
                "Unsubscribe", null));
    }

    /** RFC 8058: a POST of List-Unsubscribe=One-Click (or the button) unsubscribes at once and answers 200. */
    private void unsubscribe(Context ctx) {
        Subscription s = subscriptions.unsubscribe(ctx.pathParam("token"))
                .orElseThrow(() -> HttpError.notFound("This unsubscribe link is not valid."));
        render(ctx, 200, SubscriptionActionPage.message("You are unsubscribed",
                "No more digests will be sent to " + s.email() + ". You can subscribe again at any time."));
    }

    /**
     * For a signed-in account: its verified address proves the mailbox, so it goes straight to the
     * settings of that address's subscription; otherwise to the subscribe form, filled in.
     */
    private void accountDigest(Context ctx) {
        User viewer = AccountSessions.viewer(ctx);
        if (viewer == null) {
            ctx.redirect("/login?next=/account/digest");
            return;
        }
        Optional<String> settings = viewer.verified() ? subscriptions.settingsUrlFor(viewer.email()) : Optional.empty();
        String follow = Text.clip(Optional.ofNullable(ctx.queryParam("follow")).orElse("").strip(), MAX_FOLLOW);
        if (settings.isPresent()) {
            String path = settings.get().replace(subscriptions.links().baseUrl(), "");
            ctx.redirect(follow.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + "follow=" + Urls.encode(follow));
            return;
        }
        render(ctx, 200, new SubscribePage(Meta.of("Subscribe · Paperboy", "Get the day's top papers by e-mail"),
                csrf.token(ctx), viewer.email(), "daily", follow.isEmpty() ? null : "Subscribe to follow " + follow + ": it is filled in as a topic alert below.", null, follow));
    }

    private Subscription settingsSubscription(Context ctx) {
        return subscriptions.forSettings(ctx.pathParam("token"))
                .orElseThrow(() -> HttpError.notFound("This settings link is not valid."));
    }

    private void saveSettings(Context ctx) {
        Subscription s = settingsSubscription(ctx);
        try {
            s = subscriptions.updateSettings(ctx.pathParam("token"), ctx.formParam("frequency"), lines(ctx.formParam("topics"))).orElseThrow();
        } catch (InvalidInput e) {
            settingsPage(ctx, s, 400, null, e.getMessage());
            return;
        }
        settingsPage(ctx, s, 200, "Saved.", null);
    }

    private void settingsPage(Context ctx, Subscription s, int status, String message, String error) {
        String token = ctx.pathParam("token");
        String topics = ctx.method().name().equals("POST") && error != null ? Optional.ofNullable(ctx.formParam("topics")).orElse("")
                : String.join("\n", s.topics());
        String follow = ctx.method().name().equals("GET") ? Text.clip(Optional.ofNullable(ctx.queryParam("follow")).orElse("").strip(), MAX_FOLLOW) : "";
        if (!follow.isEmpty() && !s.topics().contains(follow)) {
            topics = topics.isEmpty() ? follow : topics + "\n" + follow;
            if (message == null) message = "Save to follow " + follow + " (added below as a topic alert).";
        }
        render(ctx, status, new SubscriptionSettingsPage(Meta.of("Digest settings · Paperboy", "Manage your Paperboy digest"),
                s.email(), s.frequency().key(), topics, s.status().key(), "/subscription/" + token,
                subscriptions.links().unsubscribeUrl(s.id()).replace(subscriptions.links().baseUrl(), ""), csrf.token(ctx), message, error));
    }

    private static final int MAX_EMAIL_PREFILL = 254;

    private void subscribePage(Context ctx, int status, String email, String frequency, String message, String error) {
        render(ctx, status, new SubscribePage(Meta.of("Subscribe · Paperboy", "Get the day's top papers by e-mail"),
                csrf.token(ctx), email == null ? "" : email, frequency, message, error));
    }

    private void render(Context ctx, int status, Record page) {
        String template = switch (page) {
            case SubscribePage p -> "subscribe.jte";
            case SubscriptionActionPage p -> "subscription-action.jte";
            case SubscriptionSettingsPage p -> "subscription-settings.jte";
            default -> throw new IllegalArgumentException(page.getClass().getName());
        };
        ctx.status(status).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .html(templates.render(template, page));
    }

    /** Topics from a textarea: one per line. */
    static List<String> lines(String text) {
        if (text == null) return List.of();
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
