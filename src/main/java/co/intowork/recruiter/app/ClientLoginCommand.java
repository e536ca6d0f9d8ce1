package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.db.admin.ClientLogin;
import co.intowork.recruiter.common.db.admin.ClientLoginService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

@Command(name = "client-login", mixinStandardHelpOptions = true,
        description = "Database logins for the desktop client (members of recruiter_app). Run as an administrator "
                + "with CREATEROLE. People still sign in with their own INTOWORK account on top of it.",
        subcommands = {ClientLoginCommand.Create.class, ClientLoginCommand.ListLogins.class,
                ClientLoginCommand.Drop.class})
final class ClientLoginCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates NAME as a login in recruiter_app and sets its password (asked twice, or read "
                    + "from standard input with --password-stdin). An existing client login only gets the new "
                    + "password.")
    static final class Create implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "NAME", description = "Login name: lower-case letters, digits, underscores.")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @Option(names = "--no-password", description = "Set no password (for certificate or Kerberos sign-in).")
        boolean noPassword;

        @Option(names = "--connection-limit", defaultValue = "-1", paramLabel = "N",
                description = "At most N connections at once (default: no limit). Each running app uses up to "
                        + "db.pool.size (4).")
        int connectionLimit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            char[] password = noPassword ? null : readPassword();
            try (Database db = connection.open(msg -> { })) {
                boolean created = new ClientLoginService(db.dataSource()).create(name, password, connectionLimit);
                out.println((created ? "Created" : "Updated") + " client login " + name + " on "
                        + db.target().label() + (noPassword ? " (no password)." : "."));
                out.println("Give it to the app with db.user=" + name + " (and the password through "
                        + "INTOWORK_DB_PASSWORD or the machine's settings file readable only by its users).");
            }
            out.flush();
            return 0;
        }

        private char[] readPassword() throws IOException {
            if (passwordFromStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UserFacingException("No password on standard input; nothing was changed.");
                }
                return line.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new UserFacingException("No terminal to ask for the password: use --password-stdin "
                        + "(or --no-password); nothing was changed.");
            }
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("Again: ");
            if (first == null || first.length < 12 || !Arrays.equals(first, second)) {
                throw new UserFacingException("The two passwords differ or are shorter than 12 characters; "
                        + "nothing was changed.");
            }
            Arrays.fill(second, '\0');
            return first;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the client logins.")
    static final class ListLogins implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = connection.open(msg -> { })) {
                List<ClientLogin> logins = new ClientLoginService(db.dataSource()).list();
                if (logins.isEmpty()) {
                    out.println("No client logins on " + db.target().label() + ".");
                }
                for (ClientLogin l : logins) {
                    out.printf("%-32s %s, %s, %d connected%s%n", l.name(), l.canLogin() ? "can log in" : "NOLOGIN",
                            l.connectionLimit() < 0 ? "no connection limit" : "at most " + l.connectionLimit(),
                            l.connections(), l.validUntil() == null ? "" : ", valid until " + l.validUntil());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "Drops a client login (refuses any role that is not one).")
    static final class Drop implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = connection.open(msg -> { })) {
                boolean dropped = new ClientLoginService(db.dataSource()).drop(name);
                out.println(dropped ? "Dropped client login " + name + "." : "There is no login named " + name + ".");
            }
            out.flush();
            return 0;
        }
    }
}
