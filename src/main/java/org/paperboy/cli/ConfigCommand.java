package org.paperboy.cli;

import java.util.Map;
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
        Map<String, String> flags = SettingsOptions.flags(spec);
        Settings.load(flags, System.getenv()); // a bad value stops here, naming the setting
        Map<String, String> values = Settings.resolve(flags, System.getenv());
        for (Setting s : Settings.ALL) {
            String v = values.get(s.name());
            System.out.printf("%-24s %-30s %s%n", s.flag(), s.envVar(), v.isEmpty() ? "(empty)" : s.secret() ? "***" : v);
        }
    }
}
