package org.paperboy.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * DKIM signatures (RFC 6376): rsa-sha256 with relaxed/relaxed canonicalization, made with the
 * JDK's own crypto over the exact bytes that will be sent. The signature covers the headers a
 * receiver judges a digest by, including List-Unsubscribe and List-Unsubscribe-Post as RFC 8058
 * requires for one-click unsubscribe.
 */
public final class DkimSigner {
    /** Signed when present, in this order. */
    static final List<String> SIGNED_HEADERS = List.of("from", "to", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post", "list-id");
    private static final byte[] CRLF = {'\r', '\n'};

    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private final Clock clock;

    public DkimSigner(String domain, String selector, PrivateKey key, Clock clock) {
        if (!"RSA".equals(key.getAlgorithm())) throw new IllegalArgumentException("DKIM needs an RSA key, got " + key.getAlgorithm());
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        this.clock = clock;
    }

    /** Reads a PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}). */
    public static DkimSigner fromPemFile(String domain, String selector, Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the DKIM key file " + pem + ": " + e.getMessage(), e);
        }
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the DKIM key file " + pem + " is PKCS#1; convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW`");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) throw new IllegalArgumentException("the DKIM key file " + pem + " holds no PEM PRIVATE KEY block");
        String b64 = text.substring(begin + 27, end).replaceAll("\\s", "");
        try {
            PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
            return new DkimSigner(domain, selector, k, Clock.systemUTC());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the DKIM key file " + pem + " is not an RSA private key: " + e.getMessage(), e);
        }
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    /**
     * The message with a DKIM-Signature header prepended. Line ends are made CRLF first (a MIME part
     * built from Java text may hold bare LFs), since SMTP carries CRLF and the signature must
     * cover what arrives.
     */
    public byte[] sign(byte[] original) {
        byte[] message = crlf(original);
        int split = headerEnd(message);
        List<String> fields = headerFields(new String(message, 0, split, StandardCharsets.ISO_8859_1));
        byte[] body = Arrays.copyOfRange(message, Math.min(split + 2, message.length), message.length);
        List<String> signed = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (String name : SIGNED_HEADERS) {
            String field = lastField(fields, name);
            if (field == null) continue;
            signed.add(name);
            data.append(relaxedHeader(field)).append("\r\n");
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + ";\r\n\tt="
                + clock.instant().getEpochSecond() + "; h=" + String.join(":", signed) + ";\r\n\tbh="
                + base64(sha256(relaxedBody(body))) + ";\r\n\tb=";
        data.append(relaxedHeader("DKIM-Signature: " + value));
        String header = "DKIM-Signature: " + value + base64(rsaSha256(data.toString().getBytes(StandardCharsets.ISO_8859_1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + header.length() + 2);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(CRLF);
        out.writeBytes(message);
        return out.toByteArray();
    }

    static byte[] crlf(byte[] m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(m.length + 64);
        for (int i = 0; i < m.length; i++) {
            byte b = m[i];
            if (b == '\r') {
                out.write(CRLF, 0, 2);
                if (i + 1 < m.length && m[i + 1] == '\n') i++;
            } else if (b == '\n') {
                out.write(CRLF, 0, 2);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Index of the CRLF that ends the last header line (the empty line follows it). */
    static int headerEnd(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') return i + 2;
        }
        return m.length;
    }

    /** Header fields with their continuation lines, as they appear (folding kept). */
    static List<String> headerFields(String headers) {
        List<String> fields = new ArrayList<>();
        for (String line : headers.split("\r\n")) {
            if (line.isEmpty()) continue;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String lastField(List<String> fields, String name) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            String f = fields.get(i);
            int colon = f.indexOf(':');
            if (colon > 0 && f.substring(0, colon).strip().equalsIgnoreCase(name)) return f;
        }
        return null;
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded value with runs of white space as one space, trimmed. */
    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return name + ":" + value;
    }

    /** RFC 6376 3.4.4: white space runs as one space, none at line ends, no empty lines at the end. */
    static byte[] relaxedBody(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int last = lines.length - 1;
        while (last >= 0 && lines[last].replaceAll("[ \t]+", "").isEmpty()) last--;
        for (int i = 0; i <= last; i++) {
            out.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rsaSha256(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
