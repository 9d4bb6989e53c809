package org.paperboy.notify;

import java.util.List;

/** The one mail an unconfirmed address receives (templates mail/confirm.jte, mail/confirm-text.jte). */
public record ConfirmMail(String email, String confirmUrl, String frequency, List<String> topics, String validFor, String baseUrl) {
    public ConfirmMail {
        topics = List.copyOf(topics);
    }
}
