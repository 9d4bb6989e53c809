package org.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/** The precompiled jte templates (built by jte-maven-plugin from src/main/jte). */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. "day.jte") with its one typed page record. */
    public String render(String name, Object page) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, page, out);
        return out.toString();
    }

    /** Renders a template that takes several parameters, by name. */
    public byte[] renderBytes(String name, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(name, params, out);
        return out.toByteArray();
    }

    /** As {@link #render} but straight to UTF-8 bytes, which is faster for large pages. */
    public byte[] renderBytes(String name, Object page) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(name, page, out);
        return out.toByteArray();
    }
}
