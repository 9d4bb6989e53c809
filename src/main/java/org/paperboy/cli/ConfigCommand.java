package org.paperboy.cli;

import org.paperboy.config.Setting;
import org.paperboy.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every setting with its flag, environment variable and current value.")
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Print the README's configuration table instead.")
    boolean markdown;

    @Override
    public void run() {
        if (markdown) {
            System.out.println("| flag | environment | default | meaning |");
            System.out.println("|---|---|---|---|");
            for (Setting s : Settings.ALL) {
                System.out.printf("| `%s` | `%s` | %s | %s |%n", s.flag(), s.envVar(),
                        s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`", s.description());
            }
            return;
        }
        System.out.println(SettingsOptions.load(spec));
    }
}
