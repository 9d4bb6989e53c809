package org.paperboy.notify;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders mails from the precompiled jte templates under src/main/jte/mail: HTML and plain text. */
public final class MailRenderer {
    /** An HTML body and its plain-text alternative. */
    public record Rendered(String html, String text) {}

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public Rendered digest(DigestMail mail) {
        return new Rendered(html("mail/digest.jte", mail), text("mail/digest-text.jte", mail));
    }

    public Rendered confirmation(ConfirmMail mail) {
        return new Rendered(html("mail/confirm.jte", mail), text("mail/confirm-text.jte", mail));
    }

    private String html(String template, Object model) {
        StringOutput out = new StringOutput(16384);
        engine.render(template, model, out);
        return out.toString();
    }

    private String text(String template, Object model) {
        PlainTextOutput out = new PlainTextOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
