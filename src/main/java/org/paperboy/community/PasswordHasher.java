package org.paperboy.community;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle), stored as PHC strings
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, so that stronger parameters can be adopted
 * later while old hashes still verify with the parameters they were made with.
 *
 * <p>The default is OWASP's first recommendation for Argon2id (2024 cheat sheet): 19 MiB of
 * memory, 2 iterations, 1 lane; about 30-60 ms per hash on one core of a small server.
 * Comparison is constant-time.
 */
public final class PasswordHasher {

    public record Params(int memoryKib, int iterations, int parallelism) {
        /** OWASP: m=19456 KiB (19 MiB), t=2, p=1. */
        public static final Params OWASP = new Params(19_456, 2, 1);
        /** For tests and benchmarks only: cheap, never for real passwords. */
        public static final Params FAST_FOR_TESTS = new Params(256, 1, 1);
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Params params;
    private final Secrets secrets;
    /**
     * Derivations running at once. Each holds {@code memoryKib} of heap and a core for tens of
     * milliseconds: a burst of sign-ups and log-ins unbounded (a hundred at once on one node) took
     * 19 MiB each and starved every other request, /readyz included, until the load balancer took
     * the node out. More than one per core gains nothing; the rest wait their turn.
     */
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    /** Verified against when an account does not exist, so a failed log-in takes as long either way. */
    private final String decoy;

    public PasswordHasher(Params params, Secrets secrets) {
        this.params = params;
        this.secrets = secrets;
        this.decoy = hash("decoy password that no one has");
    }

    public String hash(String password) {
        byte[] salt = secrets.randomBytes(SALT_BYTES);
        byte[] h = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /** False for a wrong password or a malformed stored hash; never throws on user input. */
    public boolean verify(String password, String stored) {
        Matcher m = PHC.matcher(stored == null ? "" : stored);
        if (!m.matches()) return false;
        Params p = new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Burns the same time as a real verification; used when the account is unknown. */
    public void verifyDecoy(String password) {
        verify(password, decoy);
    }

    /** True when the stored hash uses weaker parameters than the current ones (rehash at next log-in). */
    public boolean needsRehash(String stored) {
        Matcher m = PHC.matcher(stored == null ? "" : stored);
        return !m.matches() || Integer.parseInt(m.group(1)) < params.memoryKib() || Integer.parseInt(m.group(2)) < params.iterations();
    }

    private byte[] derive(String password, byte[] salt, Params p, int length) {
        running.acquireUninterruptibly();
        try {
            return argon2(password, salt, p, length);
        } finally {
            running.release();
        }
    }

    private static byte[] argon2(String password, byte[] salt, Params p, int length) {
        Argon2Parameters ap = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib()).withIterations(p.iterations()).withParallelism(p.parallelism())
                .withSalt(salt).build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(ap);
        byte[] out = new byte[length];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
