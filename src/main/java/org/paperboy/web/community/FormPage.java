package org.paperboy.web.community;

import java.util.Map;
import org.paperboy.web.Meta;

/** A small form page (sign up, log in, reset, verify, submit): the form's values and one message. */
public record FormPage(Meta meta, String csrf, String error, String notice, Map<String, String> values) {
    public FormPage {
        values = Map.copyOf(values);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }
}
