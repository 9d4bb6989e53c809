package org.paperboy.community;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.web.Csrf;

/** A real Paperboy server on a random port with a temporary SQLite database, and browsers for it. */
final class TestServer implements AutoCloseable {
    final App app;
    final Path data;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    TestServer(Path data, Map<String, String> extraSettings) {
        this.data = data;
        Map<String, String> flags = new HashMap<>(Map.of("data", data.toString(), "port", "0", "host", "127.0.0.1",
                "trending-interval", "off", "harvest-interval", "off", "arxiv-api", "http://127.0.0.1:9/api/query"));
        flags.putAll(extraSettings);
        app = new App(Settings.load(flags, Map.of()), clock);
        Fixtures.addPapers(app.papers(), "2611.00001", "2611.00002", "2611.00003");
        app.startServer();
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    Client client() {
        return new Client();
    }

    /**
     * The link of the newest mail in the .eml outbox that contains {@code marker}. Account mails are
     * sent in the background: first wait until the queue holds none.
     */
    String lastLink(String to, String marker) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (app.accountMail().depth().waiting() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (!m.getAllRecipients()[0].toString().equals(to)) continue;
                    Matcher link = Pattern.compile("https?://\\S*" + Pattern.quote(marker) + "\\S*").matcher(m.getContent().toString());
                    if (link.find()) return link.group();
                }
            }
        }
        throw new AssertionError("no mail to " + to + " with " + marker);
    }

    /** A user agent with its own cookies; POSTs carry the CSRF token of its cookie, like a form would. */
    final class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
            if (headers.length > 0) b.headers(headers);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf() throws Exception {
            String token = cookie(Csrf.COOKIE);
            if (token != null) return token;
            get("/login");
            return cookie(Csrf.COOKIE);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.putIfAbsent("_csrf", csrf());
            return postRaw(path, withToken, headers);
        }

        HttpResponse<String> postRaw(String path, Map<String, String> form, String... headers) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) b.headers(headers);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs up, confirms the address from the mail, logs in. */
        Client signUpVerified(String name) throws Exception {
            String email = name + "@example.org";
            HttpResponse<String> r = post("/signup", Map.of("username", name, "email", email, "password", "correct horse " + name));
            if (r.statusCode() != 200) throw new AssertionError("sign-up " + r.statusCode() + ": " + r.body());
            String link = lastLink(email, "/account/verify?token=");
            String token = link.substring(link.indexOf("token=") + 6);
            r = post("/account/verify", Map.of("token", token));
            if (r.statusCode() != 200) throw new AssertionError("verify " + r.statusCode());
            return logIn(name);
        }

        Client logIn(String name) throws Exception {
            HttpResponse<String> r = post("/login", Map.of("username", name, "password", "correct horse " + name));
            if (r.statusCode() != 303) throw new AssertionError("log-in " + r.statusCode() + ": " + r.body());
            return this;
        }
    }

    static Map<String, String> settings(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Override
    public void close() {
        app.close();
    }
}
