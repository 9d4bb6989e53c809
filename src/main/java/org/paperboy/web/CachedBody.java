package org.paperboy.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * A response body made once and sent many times, kept both plain and gzip-compressed: browsers
 * ask for gzip, and compressing a 120 KB listing on every request would cost more than all the
 * rest of serving it.
 */
public final class CachedBody {

    /** ETag -> first time served (epoch seconds); a cleared map only makes dates newer, which costs one download. */
    private static final Map<String, Long> FIRST_SEEN = new ConcurrentHashMap<>();
    private static final int FIRST_SEEN_LIMIT = 20_000;

    /** IMF-fixdate (RFC 9110 5.6.7): two-digit day, GMT; Java's RFC_1123 formatter writes "6 Dec". */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final byte[] plain;
    /** Made on the first gzip request: a body answered 304 or sent plain is never compressed. */
    private volatile byte[] gzip;
    private final String etag;

    private CachedBody(byte[] plain) {
        this.plain = plain;
        CRC32C crc = new CRC32C();
        crc.update(plain);
        this.etag = "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(plain.length) + "\"";
    }

    public static CachedBody of(byte[] plain) {
        return new CachedBody(plain);
    }

    /** Two threads may both compress the first time; both results are equal, so either may stay. */
    private byte[] gzip() {
        byte[] z = gzip;
        if (z != null) return z;
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream g = new GZIPOutputStream(out, 8192)) {
            g.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gzip = z = out.toByteArray();
        return z;
    }

    public byte[] plain() {
        return Arrays.copyOf(plain, plain.length);
    }

    public String etag() {
        return etag;
    }

    /**
     * When this content was first served by this process, to the second: the body's
     * {@code Last-Modified}. Kept per ETag, so a body rebuilt with the same content (a cache
     * refresh after an unrelated vote) keeps its date and If-Modified-Since still answers 304.
     */
    long lastModifiedSeconds() {
        if (FIRST_SEEN.size() > FIRST_SEEN_LIMIT) FIRST_SEEN.clear();
        return FIRST_SEEN.computeIfAbsent(etag, k -> System.currentTimeMillis() / 1000);
    }

    /**
     * Sends the gzip form to clients that accept it (Javalin does not compress it again), or
     * 304 Not Modified to a client that already holds this body (If-None-Match), as feed
     * readers and polling scripts do.
     */
    public void send(Context ctx, String contentType) {
        // no-cache: clients revalidate each time (cheap with the ETag), and no shared cache hands
        // this anonymous rendering to a signed-in visitor
        long modified = lastModifiedSeconds();
        ctx.contentType(contentType).header("Vary", "Accept-Encoding").header("ETag", etag).header("Cache-Control", "no-cache")
                .header("Last-Modified", HTTP_DATE.format(Instant.ofEpochSecond(modified)));
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), modified)) {
            ctx.status(304);
            return;
        }
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && acceptsGzip(accept)) {
            ctx.header("Content-Encoding", "gzip");
            write(ctx, gzip());
            return;
        }
        write(ctx, plain);
    }

    /**
     * Straight to the servlet stream with a Content-Length: ctx.result() would copy the bytes
     * through a stream and a fresh buffer on every request, which shows at 10,000 requests/s.
     */
    private static void write(Context ctx, byte[] body) {
        try {
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 9110 13.2.2: If-None-Match decides when present (weak comparison); If-Modified-Since only without it. */
    boolean notModified(String ifNoneMatch, String ifModifiedSince, long modifiedSeconds) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) return true;
            }
            return false;
        }
        if (ifModifiedSince == null) return false;
        try {
            return modifiedSeconds <= ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as the RFC says
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            if (!p[0].strip().equalsIgnoreCase("gzip") && !p[0].strip().equals("*")) continue;
            boolean refused = p.length > 1 && p[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
            if (!refused) return true;
        }
        return false;
    }
}
