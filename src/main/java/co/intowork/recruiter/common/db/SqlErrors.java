package co.intowork.recruiter.common.db;

import co.intowork.recruiter.common.text.Sentence;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns SQLSTATEs and driver failures into sentences a recruiter or an IT administrator can act on: it names the
 * sentence ({@link #sentence}); the edge words it ({@link #describe}, or the exception's message when read).
 */
public final class SqlErrors {
    /** Raised by recruiter.use_session when the sign-in token is unknown, expired or revoked. */
    public static final String SESSION_ENDED = "IW401";

    private SqlErrors() {
    }

    public static UserFacingException translate(Throwable failure) {
        if (failure instanceof UserFacingException already) {
            return already;
        }
        if (sqlState(failure).filter(SESSION_ENDED::equals).isPresent()) {
            return new SessionExpiredException(sentence(failure), failure);
        }
        return new UserFacingException(sentence(failure), failure);
    }

    /** The SQLSTATE of the database error inside the failure, if there is one. */
    public static Optional<String> sqlState(Throwable failure) {
        return find(failure, SQLException.class).map(SQLException::getSQLState);
    }

    /**
     * True when the server could not be reached at all (no route, refused, no answer, unknown host), as opposed to
     * a server that answered and said no: only then may the app fall back to the offline copy.
     */
    public static boolean isUnreachable(Throwable failure) {
        if (find(failure, UnknownHostException.class).isPresent() || find(failure, ConnectException.class).isPresent()
                || find(failure, NoRouteToHostException.class).isPresent()
                || find(failure, SocketTimeoutException.class).isPresent()) {
            return true;
        }
        // 08001: the driver could not establish the connection; 08006: it failed while connecting
        return sqlState(failure).filter(s -> s.equals("08001") || s.equals("08006")).isPresent();
    }

    /** True when the failure means the sign-in session has ended and the person must sign in again. */
    public static boolean isSessionEnded(Throwable failure) {
        return find(failure, SessionExpiredException.class).isPresent()
                || sqlState(failure).filter(SESSION_ENDED::equals).isPresent();
    }

    /** The failure's sentence worded now, in the UI language: for the edge (ViewModels, commands, logs). */
    public static String describe(Throwable failure) {
        return sentence(failure).toString();
    }

    /** Which sentence says what went wrong; nothing is worded yet. */
    public static Sentence sentence(Throwable failure) {
        Optional<UserFacingException> worded = find(failure, UserFacingException.class);
        if (worded.isPresent()) {
            return worded.get().sentence();
        }
        Optional<SQLException> sql = find(failure, SQLException.class);
        if (find(failure, UnknownHostException.class).isPresent()) {
            return Sentence.of("error.unknownHost", rootMessage(failure));
        }
        if (find(failure, ConnectException.class).isPresent()) {
            return Sentence.of("error.unreachable", rootMessage(failure));
        }
        if (find(failure, SocketTimeoutException.class).isPresent() && sql.isEmpty()) {
            return Sentence.of("error.noAnswer");
        }
        if (sql.isEmpty()) {
            return Sentence.of("error.unexpected", rootMessage(failure));
        }
        SQLException e = sql.get();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String constraint = constraintOf(e).map(c -> " (" + c + ")").orElse("");
        String message = e.getMessage() == null ? "" : e.getMessage();
        switch (state) {
            case SESSION_ENDED:
                return Sentence.of("error.sessionEnded");
            case "P0001", "P0002":
                // our own database functions word these for the user already
                return Sentence.literal(firstLine(message));
            case "23505":
                return Sentence.of("error.duplicate", constraint);
            case "23514":
                return Sentence.of("error.check", constraint);
            case "23503":
                return Sentence.of("error.foreignKey", constraint);
            case "23502":
                return Sentence.of("error.notNull", constraint);
            case "22P02", "22007", "22008", "22003":
                return Sentence.of("error.badValue", firstLine(message));
            case "55P03":
                return Sentence.of("error.locked");
            case "57014":
                return Sentence.of("error.timeout");
            case "40001", "40P01":
                return Sentence.of("error.serialization");
            case "42501":
                return Sentence.of("error.notAllowed");
            case "28P01":
                return Sentence.of("error.badLogin");
            case "3D000":
                return Sentence.of("error.noDatabase", firstLine(message));
            case "53300":
                return Sentence.of("error.tooManyConnections");
            case "57P01", "57P02", "57P03":
                return Sentence.of("error.shuttingDown");
            default:
                break;
        }
        // PostgreSQL 14 and later say "no encryption"; older servers said "SSL off".
        if (state.equals("28000") && (message.contains("SSL off") || message.contains("no encryption"))) {
            return Sentence.of("error.sslRequired");
        }
        if (state.equals("28000")) {
            return Sentence.of("error.refused", firstLine(message));
        }
        if (message.contains("SSL") && (message.contains("not support") || message.contains("certificate")
                || message.contains("PKIX"))) {
            return Sentence.of("error.ssl", firstLine(message));
        }
        if (state.startsWith("08")) {
            return Sentence.of("error.connectionLost", firstLine(message));
        }
        return Sentence.of("error.database", firstLine(message));
    }

    /** The server's own message (our functions word theirs for people), without SQLSTATE or position. */
    public static Optional<String> serverMessage(Throwable failure) {
        return find(failure, PSQLException.class)
                .map(PSQLException::getServerErrorMessage)
                .map(ServerErrorMessage::getMessage);
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
