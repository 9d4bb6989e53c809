package org.paperboy.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.paperboy.store.Database;

/**
 * The secrets in links. Unsubscribe and settings links carry {@code <id>-<HMAC-SHA256(key,
 * purpose:id)>}: unguessable, bound to one purpose (an unsubscribe token cannot open the settings
 * page), and nothing token-like is stored. The key is made once at random and kept in the database so
 * every node agrees. Confirmation tokens are random and stored only as their SHA-256.
 */
public final class LinkTokens {
    public enum Purpose { UNSUBSCRIBE, MANAGE }

    private static final String KEY_NAME = "link-hmac";
    private static final int KEY_BYTES = 32;
    private static final int TOKEN_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public LinkTokens(Database db) {
        this.key = new SecretKeySpec(loadOrCreateKey(db), "HmacSHA256");
    }

    private static byte[] loadOrCreateKey(Database db) {
        ClasspathSqlLocator sql = ClasspathSqlLocator.create();
        String stored = db.valueOnce(sql.locate(LinkTokens.class, "find_key"), sql.locate(LinkTokens.class, "insert_key"), KEY_NAME, () -> {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            return HexFormat.of().formatHex(fresh);
        });
        return HexFormat.of().parseHex(stored);
    }

    public String token(Purpose purpose, long subscriptionId) {
        return subscriptionId + "-" + mac(purpose, subscriptionId);
    }

    /** The subscription id a token names, when it is genuine and made for this purpose. */
    public OptionalLong verify(Purpose purpose, String token) {
        if (token == null) return OptionalLong.empty();
        int dash = token.indexOf('-');
        if (dash <= 0 || dash > 19) return OptionalLong.empty();
        long id;
        try {
            id = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] expected = mac(purpose, id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A fresh random confirmation token to mail; only its {@link #hash} is stored. */
    public String randomToken() {
        byte[] b = new byte[TOKEN_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 of a token, hex: the form in which confirmation tokens are stored. */
    public static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(Purpose purpose, long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] out = mac.doFinal((purpose.name() + ":" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
