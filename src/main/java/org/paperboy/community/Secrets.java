package org.paperboy.community;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, API and e-mail tokens) and their SHA-256 digests. Only digests are
 * stored: the secrets are 256-bit random values, so a fast hash is enough (no brute force can reach
 * them) and lookups stay an index probe.
 */
public final class Secrets {
    private static final int SECRET_BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    /** A new URL-safe secret with {@code prefix} (e.g. "pb_" for API tokens, so scanners can spot leaks). */
    public String newSecret(String prefix) {
        byte[] b = new byte[SECRET_BYTES];
        random.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    public static String digest(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
