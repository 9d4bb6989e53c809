package org.paperboy.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The URLs and identifiers mails carry: confirm, unsubscribe and settings links, Message-IDs. */
public final class Links {
    private final String baseUrl;
    private final LinkTokens tokens;
    private final String mailDomain;
    private final String unsubscribeMailbox;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param mailFrom           the From address; its domain names Message-IDs
     * @param unsubscribeMailbox mailbox for mailto: unsubscribe requests; empty means the From address
     */
    public Links(String baseUrl, LinkTokens tokens, String mailFrom, String unsubscribeMailbox) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        String address = address(mailFrom);
        this.mailDomain = address.substring(address.indexOf('@') + 1);
        this.unsubscribeMailbox = unsubscribeMailbox == null || unsubscribeMailbox.isEmpty() ? address : unsubscribeMailbox;
    }

    private static String address(String from) {
        try {
            return new InternetAddress(from).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail-from is not an address: " + from, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String confirmUrl(String token) {
        return baseUrl + "/subscribe/confirm?token=" + token;
    }

    public String unsubscribeUrl(long subscriptionId) {
        return baseUrl + "/unsubscribe/" + tokens.token(LinkTokens.Purpose.UNSUBSCRIBE, subscriptionId);
    }

    public String settingsUrl(long subscriptionId) {
        return baseUrl + "/subscription/" + tokens.token(LinkTokens.Purpose.MANAGE, subscriptionId);
    }

    /** The RFC 2369 List-Unsubscribe value: the one-click https URL first, then mailto. */
    public String listUnsubscribe(long subscriptionId) {
        String subject = URLEncoder.encode("unsubscribe " + tokens.token(LinkTokens.Purpose.UNSUBSCRIBE, subscriptionId),
                StandardCharsets.UTF_8).replace("+", "%20");
        return "<" + unsubscribeUrl(subscriptionId) + ">, <mailto:" + unsubscribeMailbox + "?subject=" + subject + ">";
    }

    public String listId() {
        return "Paperboy digest <digest." + mailDomain + ">";
    }

    /** A fresh Message-ID, stored with the outbox row so that every retry of that row reuses it. */
    public String messageId(String mailKey, long subscriptionId) {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return "<" + mailKey.replaceAll("[^A-Za-z0-9-]", ".") + "." + subscriptionId + "." + HexFormat.of().formatHex(b)
                + "@" + mailDomain + ">";
    }
}
