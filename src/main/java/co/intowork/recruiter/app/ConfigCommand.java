package co.intowork.recruiter.app;

import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Shows the settings in force and which file, variable or flag set each one.")
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        printSettings(out, connection.resolved(), connection.paths());
        out.flush();
        return 0;
    }

    static void printSettings(PrintWriter out, ResolvedSettings settings, AppPaths paths) {
        out.println("Machine-wide file: " + paths.machineSettingsFile()
                + (Files.isRegularFile(paths.machineSettingsFile()) ? "" : " (absent)"));
        out.println("User file:         " + paths.userSettingsFile()
                + (Files.isRegularFile(paths.userSettingsFile()) ? "" : " (absent)"));
        out.println("Data folder:       " + paths.dataDir());
        out.println("Settings in force:");
        for (SettingKey key : SettingKey.values()) {
            ResolvedSettings.Value v = settings.describe(key);
            String shown = v.value() == null ? "(not set)" : key.secret() ? "********" : v.value();
            String origin = v.origin() == null || v.origin().isEmpty() ? "" : " — " + v.origin();
            out.printf("  %-28s %-40s [%s%s]%n", key.property(), shown, v.source().label(), origin);
        }
        if (settings.get(SettingKey.DB_URL).filter(s -> !s.isBlank()).isEmpty()) {
            out.println("No server configured: the embedded database in " + paths.embeddedDatabaseDir() + " is used.");
        }
    }
}
