package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrfTest {
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Csrf csrf = new Csrf(false, List.of("/unsubscribe/"));
        app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.startup.showJavalinBanner = false;
            csrf.addTo(cfg.routes);
            cfg.routes.get("/form", ctx -> ctx.result(csrf.token(ctx)));
            cfg.routes.post("/vote", ctx -> ctx.result("voted"));
            cfg.routes.post("/unsubscribe/{token}", ctx -> ctx.result("gone"));
            cfg.routes.exception(HttpError.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        }).start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> post(String path, String cookie, String body, String type) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) b.header("Cookie", Csrf.COOKIE + "=" + cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stateChangingFormsNeedTheTokenOfTheirCookie() throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/form")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.body();
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        String form = "application/x-www-form-urlencoded";

        assertEquals(403, post("/vote", null, "", form).statusCode(), "no token at all");
        assertEquals(403, post("/vote", token, "_csrf=wrong" + token.substring(5), form).statusCode(), "wrong token");
        assertEquals(403, post("/vote", null, "_csrf=" + token, form).statusCode(), "token without its cookie");
        assertEquals(200, post("/vote", token, "_csrf=" + token, form).statusCode());
    }

    @Test
    void jsonBodiesAndExemptPathsPass() throws Exception {
        assertEquals(200, post("/vote", null, "{}", "application/json").statusCode());
        assertEquals(200, post("/unsubscribe/abc", null, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded").statusCode());
    }
}
