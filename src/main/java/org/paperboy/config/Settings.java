package org.paperboy.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every setting Paperboy reads, resolved once at start-up: a flag wins over the environment,
 * which wins over the default. Bad values stop start-up with a message naming the setting.
 */
public record Settings(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String host,
        int port,
        URI baseUrl,
        List<String> harvestCategories,
        Duration harvestInterval,
        URI oaiEndpoint,
        URI arxivApi,
        Duration harvestDelay,
        ZoneId timeZone,
        Mail mail,
        String embeddingModel,
        Community community,
        Digest digest,
        Duration drainDelay,
        Enrich enrich) {

    /**
     * Background enrichment: first-page thumbnails rendered from each new paper's PDF, fetched
     * politely (the harvest's delay) from {@code pdfBase}; and the stars of linked GitHub
     * repositories, read hourly from {@code githubApi} (with {@code githubToken} when given, never
     * logged). Both run only where the harvest runs.
     */
    public record Enrich(boolean thumbnails, URI pdfBase, boolean stars, URI githubApi, String githubToken) {
        @Override
        public String toString() {
            return "Enrich[thumbnails=" + thumbnails + ", pdfBase=" + pdfBase + ", stars=" + stars + ", githubApi=" + githubApi
                    + ", githubToken=" + (githubToken.isEmpty() ? "" : "***") + "]";
        }
    }

    /** Outgoing mail: an empty smtpHost means no SMTP server, so mail is written as .eml files. */
    public record Mail(String smtpHost, int smtpPort, String smtpSecurity, String smtpUser, String smtpPassword, String from,
                       String dkimDomain, String dkimSelector, Path dkimKeyFile) {
        @Override
        public String toString() {
            return "Mail[smtp=" + smtpHost + ":" + smtpPort + " " + smtpSecurity + ", user=" + smtpUser
                    + ", password=" + (smtpPassword.isEmpty() ? "" : "***") + ", from=" + from
                    + (dkimDomain.isEmpty() ? "" : ", dkim=" + dkimSelector + "._domainkey." + dkimDomain) + "]";
        }
    }

    /**
     * Digests and subscriptions: when the digest goes out (local time in {@code timeZone}, the weekly
     * one on {@code weeklyDay}), when an address is disabled, how many mails are sent at once, and the
     * token guarding the admin preview (empty: the preview is off).
     */
    public record Digest(LocalTime digestTime, DayOfWeek weeklyDay, int hardBounceLimit,
                         int mailWorkers, String unsubscribeMailto) {
        @Override
        public String toString() {
            return "Digest[digestTime=" + digestTime + ", weeklyDay=" + weeklyDay + ", hardBounceLimit=" + hardBounceLimit
                    + ", mailWorkers=" + mailWorkers + "]";
        }
    }

    /** At most {@code count} actions per {@code per}, refilled continuously (token bucket). */
    public record Rate(int count, Duration per) {}

    /**
     * Accounts, votes, comments and abuse limits. {@code rateLimits} false switches every limit off
     * (benchmarks). Accounts younger than {@code newAccountAge} get stricter limits. Requests from
     * {@code trustedProxies} are limited by the client their X-Forwarded-For names.
     */
    public record Community(boolean rateLimits, Rate signup, Rate login, Rate vote, Rate comment, Rate submit,
                            Rate reset, Duration newAccountAge, Duration commentEditWindow, Duration sessionLifetime,
                            Duration trendingInterval, List<AddressRange> trustedProxies) {}

    public static final List<Setting> ALL = List.of(
            new Setting("data", "./data", false, "Data directory: SQLite file, search index, mail outbox, caches"),
            new Setting("db", "", false, "JDBC URL; empty means SQLite at <data>/paperboy.db; `jdbc:postgresql://host/db` for PostgreSQL"),
            new Setting("db-user", "", false, "Database user (PostgreSQL)"),
            new Setting("db-password", "", true, "Database password (PostgreSQL); never logged"),
            new Setting("host", "127.0.0.1", false, "Address the server listens on; 0.0.0.0 for every interface"),
            new Setting("port", "8080", false, "HTTP port"),
            new Setting("log-format", "text", false, "Log lines on stderr: text, or json (one object per line: ts, level, thread, logger, msg)"),
            new Setting("drain-delay", "0s", false, "On SIGTERM, how long /readyz says 503 before the server stops taking requests, so a load balancer moves traffic away first (e.g. 5s behind HAProxy)"),
            new Setting("base-url", "", false, "Public base URL used in feeds and links; empty means http://localhost:<port>"),
            new Setting("harvest-categories", "cs.AI cs.CL cs.CV cs.LG", false, "arXiv categories the scheduled harvest follows, space or comma separated"),
            new Setting("harvest-interval", "24h", false, "Time between scheduled harvests (e.g. 30m, 6h, 24h); `off` disables them"),
            new Setting("oai-endpoint", "https://oaipmh.arxiv.org/oai", false, "arXiv OAI-PMH base URL"),
            new Setting("arxiv-api", "https://export.arxiv.org/api/query", false, "arXiv API (Atom) query URL"),
            new Setting("harvest-delay", "3s", false, "Polite pause between two requests to arXiv"),
            new Setting("thumbnails", "on", false, "First-page thumbnails of new papers, rendered from their PDFs in the background (only while the scheduled harvest is on): on or off"),
            new Setting("pdf-base-url", "https://arxiv.org/pdf", false, "Where thumbnails fetch a paper's PDF from (the id is appended)"),
            new Setting("github-stars", "on", false, "Stars of the GitHub repositories papers link to, read hourly in the background (only while the scheduled harvest is on; each repository at most once a day): on or off"),
            new Setting("github-api-url", "https://api.github.com", false, "GitHub's REST API base URL that the stars job asks"),
            new Setting("github-token", "", true, "GitHub token for the stars job (5,000 requests an hour instead of 60; no scope needed); never logged"),
            new Setting("time-zone", "UTC", false, "Time zone for listing dates and schedules"),
            new Setting("smtp-host", "", false, "SMTP server; empty writes mail as .eml files to <data>/outbox"),
            new Setting("smtp-port", "587", false, "SMTP port"),
            new Setting("smtp-security", "starttls", false, "none, starttls (required) or smtps"),
            new Setting("smtp-user", "", false, "SMTP user name (empty: no authentication)"),
            new Setting("smtp-password", "", true, "SMTP password; never logged"),
            new Setting("mail-from", "Paperboy <paperboy@localhost>", false, "From address of every mail"),
            new Setting("rate-limits", "on", false, "Abuse limits on sign-up, log-in, votes, comments, submissions and resets: on, or off (benchmarks only); shared by all nodes in PostgreSQL, in memory on SQLite"),
            new Setting("trusted-proxies", "", false, "Reverse proxies (IP addresses or CIDR ranges) whose X-Forwarded-For names the client for rate limits; empty: the direct peer is the client"),
            new Setting("limit-signup", "5/1h", false, "Sign-ups per IP address (COUNT/DURATION)"),
            new Setting("limit-login", "10/5m", false, "Log-in attempts per account name from one IP address; 4x that per IP address"),
            new Setting("limit-vote", "60/1m", false, "Votes per account; 4x that per IP address"),
            new Setting("limit-comment", "10/5m", false, "Comments (and edits) per account; 4x that per IP address"),
            new Setting("limit-submit", "10/1h", false, "Paper submissions per account; 4x that per IP address"),
            new Setting("limit-reset", "3/1h", false, "Password-reset and verification mails per IP address and per account"),
            new Setting("new-account-age", "24h", false, "Accounts younger than this get a quarter of the vote, comment and submit limits"),
            new Setting("comment-edit-window", "15m", false, "How long after posting a comment its author may edit it"),
            new Setting("session-lifetime", "30d", false, "How long a log-in lasts"),
            new Setting("trending-interval", "10m", false, "Time between recomputations of trending scores; `off` disables the job"),
            new Setting("embedding-model", "bge-small-en-v1.5-q", false, "Embedding model for semantic and hybrid search (bge-small-en-v1.5-q); `off` for keyword search only"),
            new Setting("dkim-domain", "", false, "DKIM signing domain (d=); empty: mail is not signed"),
            new Setting("dkim-selector", "", false, "DKIM selector (s=); the public key is published at <selector>._domainkey.<domain>"),
            new Setting("dkim-key-file", "", false, "PEM file with the DKIM RSA private key (PKCS#8, `openssl genpkey -algorithm RSA`)"),
            new Setting("digest-time", "08:00", false, "Local time (in time-zone) at which the daily digest goes out"),
            new Setting("digest-weekday", "MONDAY", false, "Day on which the weekly digest of the previous week goes out"),
            new Setting("hard-bounce-limit", "3", false, "Permanent delivery failures after which an address is disabled"),
            new Setting("mail-workers", "4", false, "Mails sent in parallel by the outbox sender"),
            new Setting("unsubscribe-mailto", "", false, "Mailbox for mailto: unsubscribe requests in List-Unsubscribe; empty: the mail-from address"));

    /** The defaults alone, as tests and benchmarks start from. */
    public static Settings defaults() {
        return load(Map.of(), Map.of());
    }

    /**
     * @param flags values given on the command line, keyed by setting name (without dashes)
     * @param env   the process environment
     */
    public static Settings load(Map<String, String> flags, Map<String, String> env) {
        return fromValues(resolve(flags, env));
    }

    /** Each setting's text, by name, in {@link #ALL}'s order: a flag wins over the environment, which wins over the default. */
    public static Map<String, String> resolve(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Setting s : ALL) {
            String value = flags.containsKey(s.name()) ? flags.get(s.name()) : env.getOrDefault(s.envVar(), s.defaultValue());
            v.put(s.name(), value == null ? "" : value.strip());
        }
        return v;
    }

    private static Settings fromValues(Map<String, String> v) {
        Path data = Path.of(v.get("data").isEmpty() ? "./data" : v.get("data")).toAbsolutePath().normalize();
        int port = parsePort("port", v.get("port"));
        String db = v.get("db");
        if (!db.isEmpty() && !db.startsWith("jdbc:sqlite:") && !db.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("--db / PAPERBOY_DB: expected a jdbc:postgresql: or jdbc:sqlite: URL, got '" + db + "'");
        }
        if (db.isEmpty()) db = "jdbc:sqlite:" + data.resolve("paperboy.db");
        if (!v.get("log-format").equalsIgnoreCase("text") && !v.get("log-format").equalsIgnoreCase("json")) {
            throw new ConfigException("--log-format / PAPERBOY_LOG_FORMAT: expected text or json, got '" + v.get("log-format") + "'");
        }
        String base = v.get("base-url").isEmpty() ? "http://localhost:" + port : v.get("base-url");
        return new Settings(data, db, v.get("db-user"), v.get("db-password"), v.get("host"), port,
                parseUri("base-url", stripSlash(base)), parseCategories(v.get("harvest-categories")),
                parseDurationOrOff("harvest-interval", v.get("harvest-interval")),
                parseUri("oai-endpoint", v.get("oai-endpoint")), parseUri("arxiv-api", v.get("arxiv-api")),
                parseDuration("harvest-delay", v.get("harvest-delay")), parseZone(v.get("time-zone")), parseMail(v),
                parseModel(v.get("embedding-model")), parseCommunity(v), parseDigest(v),
                parseDuration("drain-delay", v.get("drain-delay")), parseEnrich(v));
    }

    private static Enrich parseEnrich(Map<String, String> v) {
        return new Enrich(parseOnOff("thumbnails", v.get("thumbnails")), parseUri("pdf-base-url", stripSlash(v.get("pdf-base-url"))),
                parseOnOff("github-stars", v.get("github-stars")), parseUri("github-api-url", stripSlash(v.get("github-api-url"))),
                v.get("github-token"));
    }

    private static boolean parseOnOff(String name, String value) {
        String onOff = value.toLowerCase(Locale.ROOT);
        if (!onOff.equals("on") && !onOff.equals("off")) throw new ConfigException("--" + name + ": expected on or off, got '" + value + "'");
        return onOff.equals("on");
    }

    private static Community parseCommunity(Map<String, String> v) {
        return new Community(parseOnOff("rate-limits", v.get("rate-limits")), parseRate("limit-signup", v), parseRate("limit-login", v),
                parseRate("limit-vote", v), parseRate("limit-comment", v), parseRate("limit-submit", v),
                parseRate("limit-reset", v), parseDuration("new-account-age", v.get("new-account-age")),
                parseDuration("comment-edit-window", v.get("comment-edit-window")),
                parseDuration("session-lifetime", v.get("session-lifetime")),
                parseDurationOrOff("trending-interval", v.get("trending-interval")),
                parseAddressRanges("trusted-proxies", v.get("trusted-proxies")));
    }

    private static List<AddressRange> parseAddressRanges(String name, String s) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String part : s.split("[\\s,]+")) {
            if (part.isEmpty()) continue;
            ranges.add(AddressRange.parse(part).orElseThrow(() -> new ConfigException(
                    "--" + name + ": expected IP addresses or CIDR ranges such as 10.0.0.0/8, got '" + part + "'")));
        }
        return List.copyOf(ranges);
    }

    private static Rate parseRate(String name, Map<String, String> v) {
        String s = v.get(name);
        var m = Pattern.compile("(\\d+)/(.+)").matcher(s);
        if (m.matches()) {
            Duration per = parseDuration(name, m.group(2));
            int count = Integer.parseInt(m.group(1));
            if (count > 0 && !per.isZero()) return new Rate(count, per);
        }
        throw new ConfigException("--" + name + ": expected COUNT/DURATION such as 10/5m, got '" + s + "'");
    }

    private static Mail parseMail(Map<String, String> v) {
        String security = v.get("smtp-security").toLowerCase(Locale.ROOT);
        if (!List.of("none", "starttls", "smtps").contains(security)) {
            throw new ConfigException("--smtp-security: expected none, starttls or smtps, got '" + v.get("smtp-security") + "'");
        }
        int port = parsePort("smtp-port", v.get("smtp-port"));
        if (!v.get("mail-from").contains("@")) throw new ConfigException("--mail-from: expected an e-mail address, got '" + v.get("mail-from") + "'");
        boolean dkim = !v.get("dkim-domain").isEmpty() || !v.get("dkim-selector").isEmpty() || !v.get("dkim-key-file").isEmpty();
        if (dkim && (v.get("dkim-domain").isEmpty() || v.get("dkim-selector").isEmpty() || v.get("dkim-key-file").isEmpty())) {
            throw new ConfigException("--dkim-domain, --dkim-selector and --dkim-key-file: give all three to sign mail, or none");
        }
        return new Mail(v.get("smtp-host"), port, security, v.get("smtp-user"), v.get("smtp-password"), v.get("mail-from"),
                v.get("dkim-domain"), v.get("dkim-selector"), dkim ? Path.of(v.get("dkim-key-file")).toAbsolutePath() : null);
    }

    private static Digest parseDigest(Map<String, String> v) {
        LocalTime time;
        try {
            time = LocalTime.parse(v.get("digest-time"));
        } catch (RuntimeException e) {
            throw new ConfigException("--digest-time: expected a local time such as 08:00, got '" + v.get("digest-time") + "'");
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(v.get("digest-weekday").toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigException("--digest-weekday: expected a day such as MONDAY, got '" + v.get("digest-weekday") + "'");
        }
        String mailto = v.get("unsubscribe-mailto");
        if (!mailto.isEmpty() && !mailto.matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw new ConfigException("--unsubscribe-mailto: expected a bare address such as unsubscribe@example.org, got '" + mailto + "'");
        }
        return new Digest(time, day, parsePositive("hard-bounce-limit", v.get("hard-bounce-limit")),
                parsePositive("mail-workers", v.get("mail-workers")), mailto);
    }

    private static int parsePositive(String name, String s) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("--" + name + ": expected a positive whole number, got '" + s + "'");
    }

    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** Null when scheduled harvests are off. */
    public boolean harvestEnabled() {
        return harvestInterval != null;
    }

    public Settings withDataDir(Path dir) {
        return new Settings(dir, dbUrl.startsWith("jdbc:sqlite:") ? "jdbc:sqlite:" + dir.resolve("paperboy.db") : dbUrl,
                dbUser, dbPassword, host, port, baseUrl, harvestCategories, harvestInterval, oaiEndpoint, arxivApi,
                harvestDelay, timeZone, mail, embeddingModel, community, digest, drainDelay, enrich);
    }

    public Settings withPort(int newPort) {
        return new Settings(dataDir, dbUrl, dbUser, dbPassword, host, newPort, baseUrl, harvestCategories,
                harvestInterval, oaiEndpoint, arxivApi, harvestDelay, timeZone, mail, embeddingModel, community, digest, drainDelay, enrich);
    }

    /** The secret is masked so that the record can be logged safely. */
    @Override
    public String toString() {
        return "Settings[data=" + dataDir + ", db=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword.isEmpty() ? "" : "***") + ", host=" + host + ", port=" + port + ", baseUrl=" + baseUrl
                + ", harvestCategories=" + harvestCategories + ", harvestInterval=" + harvestInterval + ", " + mail + ", " + digest + "]";
    }

    /** The models org.paperboy.index.EmbeddingModel knows (all but the first need their test-scoped artifacts). */
    static final List<String> EMBEDDING_MODELS = List.of("bge-small-en-v1.5-q", "bge-small-en-v1.5", "all-minilm-l6-v2");

    /** Empty when semantic search is off. */
    private static String parseModel(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("off")) return "";
        if (!EMBEDDING_MODELS.contains(s)) throw new ConfigException("--embedding-model: unknown model '" + s + "'; known: " + String.join(", ", EMBEDDING_MODELS) + ", off");
        return s;
    }

    private static int parsePort(String name, String s) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("--" + name + ": expected a port number 0-65535, got '" + s + "'");
    }

    private static URI parseUri(String name, String s) {
        try {
            URI uri = URI.create(s);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) return uri;
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException("--" + name + ": expected an http(s) URL, got '" + s + "'");
    }

    private static List<String> parseCategories(String s) {
        List<String> cats = Arrays.stream(s.split("[\\s,]+")).filter(c -> !c.isBlank()).toList();
        for (String c : cats) {
            if (!c.matches("[a-z-]+(\\.[A-Za-z-]+)?")) {
                throw new ConfigException("--harvest-categories: '" + c + "' is not an arXiv category such as cs.CL");
            }
        }
        return cats;
    }

    private static Duration parseDurationOrOff(String name, String s) {
        if (s.equalsIgnoreCase("off")) return null;
        Duration d = parseDuration(name, s);
        if (d.isZero()) throw new ConfigException("--" + name + ": must be positive or 'off', got '" + s + "'");
        return d;
    }

    /** Accepts 500ms, 30s, 5m, 6h, 1d or an ISO-8601 duration (PT6H). */
    public static Duration parseDuration(String name, String s) {
        try {
            if (s.toUpperCase().startsWith("P")) return Duration.parse(s);
            var m = Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(s);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new ConfigException("--" + name + ": expected a duration such as 30s, 5m, 6h or 1d, got '" + s + "'");
    }

    private static ZoneId parseZone(String s) {
        try {
            return ZoneId.of(s);
        } catch (RuntimeException e) {
            throw new ConfigException("--time-zone: unknown time zone '" + s + "'");
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

}
