package co.intowork.recruiter.common.db;

import co.intowork.recruiter.settings.SettingsException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/** Turns SQLSTATEs and driver failures into sentences a recruiter or an IT administrator can act on. */
public final class SqlErrors {
    /** Raised by recruiter.use_session when the sign-in token is unknown, expired or revoked. */
    public static final String SESSION_ENDED = "IW401";

    private SqlErrors() {
    }

    public static UserFacingException translate(Throwable failure) {
        if (failure instanceof UserFacingException already) {
            return already;
        }
        if (find(failure, SQLException.class).map(e -> SESSION_ENDED.equals(e.getSQLState())).orElse(false)) {
            return new SessionExpiredException(describe(failure), failure);
        }
        return new UserFacingException(describe(failure), failure);
    }

    /** True when the failure means the sign-in session has ended and the person must sign in again. */
    public static boolean isSessionEnded(Throwable failure) {
        return find(failure, SessionExpiredException.class).isPresent()
                || find(failure, SQLException.class).map(e -> SESSION_ENDED.equals(e.getSQLState())).orElse(false);
    }

    public static String describe(Throwable failure) {
        Optional<UserFacingException> worded = find(failure, UserFacingException.class);
        if (worded.isPresent()) {
            return worded.get().getMessage();
        }
        Optional<SettingsException> setting = find(failure, SettingsException.class);
        if (setting.isPresent()) {
            return setting.get().getMessage();
        }
        Optional<SQLException> sql = find(failure, SQLException.class);
        if (find(failure, UnknownHostException.class).isPresent()) {
            return "The database server's name could not be found (" + rootMessage(failure) + "). Check the "
                    + "server address in the settings and your network connection.";
        }
        if (find(failure, ConnectException.class).isPresent()) {
            return "The database server could not be reached (" + rootMessage(failure) + "). Check that the "
                    + "address and port are right, that the server is running, and that your network allows it.";
        }
        if (find(failure, SocketTimeoutException.class).isPresent() && sql.isEmpty()) {
            return "The database server did not answer in time. Check your network connection and try again.";
        }
        if (sql.isEmpty()) {
            return "Something went wrong: " + rootMessage(failure) + ". Try again; if it keeps happening, "
                    + "send the log file to your IT support.";
        }
        SQLException e = sql.get();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String constraint = constraintOf(e).map(c -> " (" + c + ")").orElse("");
        String message = e.getMessage() == null ? "" : e.getMessage();
        switch (state) {
            case SESSION_ENDED:
                return "Your sign-in session has ended (it expired, or you were signed out elsewhere). Sign in "
                        + "again to carry on; what you were working on is kept.";
            case "P0001", "P0002":
                // our own database functions word these for the user already
                return firstLine(message);
            case "23505":
                return "This would create a duplicate" + constraint + ": the same record already exists. "
                        + "Refresh to see it; nothing was changed.";
            case "23514":
                return "These values break a rule of the database" + constraint + ". Correct them and save "
                        + "again; nothing was changed.";
            case "23503":
                return "This refers to a record that does not exist any more" + constraint + ". Refresh and "
                        + "try again; nothing was changed.";
            case "23502":
                return "A required value is missing" + constraint + ". Fill it in and save again.";
            case "22P02", "22007", "22008", "22003":
                return "A value has the wrong form (" + firstLine(message) + "). Correct it and try again.";
            case "55P03":
                return "Someone else is changing the same record right now. Wait a moment and try again; "
                        + "nothing was changed.";
            case "57014":
                return "The database took too long to answer, so the request was stopped. Try again, or narrow "
                        + "the search.";
            case "40001", "40P01":
                return "Your change collided with another one made at the same moment. Try again.";
            case "42501":
                return "You are not allowed to do this. If you think you should be, ask your company's "
                        + "administrator.";
            case "28P01":
                return "The database refused the user name or password. Check the credentials in the "
                        + "settings (db.user, db.password) or ask IT for the right ones.";
            case "3D000":
                return "The database named in the server address does not exist (" + firstLine(message)
                        + "). Check the database name in db.url.";
            case "53300":
                return "The database server has no free connections right now. Try again in a minute.";
            case "57P01", "57P02", "57P03":
                return "The database server is shutting down or restarting. Try again in a minute.";
            default:
                break;
        }
        // PostgreSQL 14 and later say "no encryption"; older servers said "SSL off".
        if (state.equals("28000") && (message.contains("SSL off") || message.contains("no encryption"))) {
            return "The database server only accepts encrypted connections. Set db.sslmode to require (or "
                    + "verify-full with db.sslrootcert) and connect again.";
        }
        if (state.equals("28000")) {
            return "The database server refused this connection (" + firstLine(message) + "). Ask IT to allow "
                    + "this user and computer.";
        }
        if (message.contains("SSL") && (message.contains("not support") || message.contains("certificate")
                || message.contains("PKIX"))) {
            return "A secure connection to the database could not be set up (" + firstLine(message) + "). "
                    + "Check db.sslmode and the CA file in db.sslrootcert.";
        }
        if (state.startsWith("08")) {
            return "The connection to the database was lost or could not be made (" + firstLine(message)
                    + "). Check your network and try again; nothing was saved.";
        }
        return "The database reported an error: " + firstLine(message) + ". Try again; if it keeps happening, "
                + "send the log file to your IT support.";
    }

    private static Optional<String> constraintOf(SQLException e) {
        if (e instanceof PSQLException pe) {
            ServerErrorMessage server = pe.getServerErrorMessage();
            if (server != null && server.getConstraint() != null) {
                return Optional.of(server.getConstraint());
            }
        }
        return Optional.empty();
    }

    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl >= 0 ? message.substring(0, nl) : message;
        return line.replaceFirst("^(ERROR|FATAL): ", "").trim();
    }
}
