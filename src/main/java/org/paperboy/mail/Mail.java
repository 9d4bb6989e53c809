package org.paperboy.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message to one recipient. {@code html} may be null (text only); {@code headers} carries
 * extra headers such as List-Unsubscribe; {@code messageId} null lets the transport make one.
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers, String messageId) {

    public Mail {
        if (to == null || to.isBlank()) throw new IllegalArgumentException("mail without a recipient");
        if (subject == null) throw new IllegalArgumentException("mail without a subject");
        if (text == null) throw new IllegalArgumentException("mail without a text body");
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, null, Map.of(), null);
    }
}
