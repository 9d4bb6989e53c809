package org.paperboy.config;

import java.util.Locale;

/**
 * One configurable value: its flag ({@code --port}), environment variable ({@code PAPERBOY_PORT}),
 * default and a line for the README. Secret values are never printed.
 */
public record Setting(String name, String defaultValue, boolean secret, String description) {

    public String flag() {
        return "--" + name;
    }

    public String envVar() {
        return "PAPERBOY_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
