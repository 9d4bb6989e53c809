package org.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled jte templates (built by jte-maven-plugin from src/main/jte). */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. "day.jte") with its one typed page record. */
    public String render(String name, Object page) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, page, out);
        return out.toString();
    }
}
