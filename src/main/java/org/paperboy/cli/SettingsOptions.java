package org.paperboy.cli;

import java.util.HashMap;
import java.util.Map;
import org.paperboy.config.Setting;
import org.paperboy.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Adds one flag per {@link Setting} to every command, so the settings table is declared once. */
final class SettingsOptions {
    private SettingsOptions() {}

    static void addTo(CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        for (Setting s : Settings.ALL) {
            if (spec.findOption(s.flag()) != null) continue;
            spec.addOption(OptionSpec.builder(s.flag())
                    .paramLabel(s.secret() ? "SECRET" : "VALUE")
                    .type(String.class)
                    .hidden(true) // 40-odd settings would bury each command's own options; `paperboy config` lists them
                    .description(s.description() + " (env " + s.envVar() + (s.defaultValue().isEmpty() ? "" : ", default " + s.defaultValue()) + ")")
                    .build());
        }
        spec.usageMessage().footer("%nEvery command also takes the settings flags (--data, --db, --port, ...);"
                + " `paperboy config --markdown` lists them with their environment variables and defaults.");
        cmd.getSubcommands().values().forEach(SettingsOptions::addTo);
    }

    /** The settings from this command's flags, then the environment, then defaults. */
    static Settings load(CommandSpec spec) {
        return Settings.load(flags(spec), System.getenv());
    }

    /** The settings given as flags to this command, by name. */
    static Map<String, String> flags(CommandSpec spec) {
        Map<String, String> flags = new HashMap<>();
        for (Setting s : Settings.ALL) {
            OptionSpec o = spec.findOption(s.flag());
            if (o != null && o.getValue() != null) flags.put(s.name(), o.getValue());
        }
        return flags;
    }
}
