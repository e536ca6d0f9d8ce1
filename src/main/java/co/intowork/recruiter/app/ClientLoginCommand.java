package co.intowork.recruiter.app;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.db.admin.ClientLogin;
import co.intowork.recruiter.common.db.admin.ClientLoginDrift;
import co.intowork.recruiter.common.db.admin.ClientLoginLimits;
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
                ClientLoginCommand.Restore.class, ClientLoginCommand.Drop.class})
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

        @Option(names = "--connection-limit", defaultValue = "10", paramLabel = "N",
                description = "At most N connections at once (default: ${DEFAULT-VALUE}, one person's app). Each "
                        + "running app uses up to db.pool.size (4) plus one; a site login needs about 5 per seat.")
        int connectionLimit;

        @Option(names = "--statement-timeout", defaultValue = "60s", paramLabel = "TIME",
                description = "Server-side statement_timeout of the login (default: ${DEFAULT-VALUE}).")
        String statementTimeout;

        @Option(names = "--lock-timeout", defaultValue = "10s", paramLabel = "TIME",
                description = "Server-side lock_timeout of the login (default: ${DEFAULT-VALUE}).")
        String lockTimeout;

        @Option(names = "--idle-in-transaction-timeout", defaultValue = "60s", paramLabel = "TIME",
                description = "Server-side idle_in_transaction_session_timeout (default: ${DEFAULT-VALUE}).")
        String idleInTransactionTimeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            char[] password = noPassword ? null : readPassword();
            try (Database db = connection.open(msg -> { })) {
                boolean created = new ClientLoginService(db.dataSource()).create(name, password,
                        new ClientLoginLimits(connectionLimit, statementTimeout, lockTimeout, idleInTransactionTimeout));
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
                ClientLoginService service = new ClientLoginService(db.dataSource());
                List<ClientLogin> logins = service.list();
                if (logins.isEmpty()) {
                    out.println("No client logins on " + db.target().label() + ".");
                }
                for (ClientLogin l : logins) {
                    out.printf("%-32s %s, %s, %d connected%s%n", l.name(), l.canLogin() ? "can log in" : "NOLOGIN",
                            l.connectionLimit() < 0 ? "no connection limit" : "at most " + l.connectionLimit(),
                            l.connections(), l.validUntil() == null ? "" : ", valid until " + l.validUntil());
                }
                for (ClientLoginDrift d : service.drift()) {
                    out.println("  differs: " + d.describe() + " (client-login restore " + d.loginName() + ")");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Applies again the limits IT set with create (connection limit, timeouts) and removes any "
                    + "other role setting: a client login can change its own role settings.")
    static final class Restore implements java.util.concurrent.Callable<Integer> {
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
                if (!new ClientLoginService(db.dataSource()).restore(name)) {
                    out.println(name + " is not a client login with limits set by `client-login create`: run "
                            + "create for it first (an existing login keeps its password if you pass --no-password).");
                    out.flush();
                    return 1;
                }
                out.println("Restored the limits of client login " + name + ".");
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
