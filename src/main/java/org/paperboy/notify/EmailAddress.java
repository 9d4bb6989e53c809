package org.paperboy.notify;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates and normalises a subscriber's address. Deliberately stricter than RFC 5322 (no quoted
 * local parts, no comments, no IP literals): the addresses people type into a form, nothing a
 * header could be smuggled through.
 */
public final class EmailAddress {
    static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,62}");

    private EmailAddress() {}

    /** The address trimmed and lower-cased, or an {@link InvalidInput} saying what is wrong. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidInput("Please give an e-mail address.");
        String s = raw.strip();
        if (s.length() > MAX_LENGTH) throw new InvalidInput("That e-mail address is too long.");
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) throw new InvalidInput("'" + s + "' is not an e-mail address: it needs a name, an @ and a domain.");
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) throw new InvalidInput("The part before the @ in '" + s + "' is not valid.");
        if (!DOMAIN.matcher(domain).matches()) throw new InvalidInput("The domain of '" + s + "' is not valid (e.g. example.org).");
        return s.toLowerCase(Locale.ROOT);
    }
}
