package co.intowork.recruiter.common.db.admin;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.PGConnection;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What sits between {@code doctor} and the data (decision 0024): a pooler handing transactions to changing server
 * connections, and whether the server is a hot standby.
 *
 * <p>A client cannot ask PgBouncer (its admin console is not a database a client login may open), and nothing in
 * PostgreSQL's settings says a pooler is there. What a transaction pooler cannot hide is the server process: one
 * client connection whose transactions run in two backends, or two client connections sharing one, is a pooler in
 * transaction (or statement) mode. The probe makes that happen if it can: client connection A reads its backend,
 * B opens a transaction and holds it (a pooler gives B the backend A just left, the most recently used), then A
 * reads again. Without a pooler (or with one in session mode, which keeps a client on one backend) both reads of A
 * are the same backend and B's is another. A busy pool may hand out other backends and prove nothing; the probe
 * tries three times and says so when it saw no sign.
 */
final class TopologyProbe {
    private static final int ATTEMPTS = 3;

    private TopologyProbe() {
    }

    static DoctorReport.Topology probe(SqlSessionFactory factory) {
        String evidence = null;
        for (int attempt = 0; attempt < ATTEMPTS && evidence == null; attempt++) {
            try (SqlSession a = factory.openSession(true); SqlSession b = factory.openSession(false)) {
                DoctorMapper ma = a.getMapper(DoctorMapper.class);
                int first = ma.backendPid();
                int held = b.getMapper(DoctorMapper.class).backendPid();
                int second = ma.backendPid();
                b.rollback(true);
                if (first != second) {
                    evidence = String.format(Locale.ROOT, "one connection's transactions ran in backends %d and %d",
                            first, second);
                } else if (held == first) {
                    evidence = String.format(Locale.ROOT, "two connections' transactions ran in backend %d",
                            first);
                }
            }
        }
        try (SqlSession s = factory.openSession(true)) {
            DoctorMapper m = s.getMapper(DoctorMapper.class);
            DoctorMapper.ServerRole role = m.serverRole();
            Integer threshold;
            try {
                threshold = s.getConnection().unwrap(PGConnection.class).getPrepareThreshold();
            } catch (SQLException e) {
                threshold = null;
            }
            return new DoctorReport.Topology(evidence != null, evidence, role.serverPort(), role.standby(),
                    role.lagSeconds(), threshold, role.statementTimeout(), role.lockTimeout());
        }
    }

    /** The sentences IT must read about what the probe found. */
    static void warnings(DoctorReport.Topology t, List<String> warnings) {
        if (t.transactionPooling()) {
            if (t.prepareThreshold() != null && t.prepareThreshold() != 0) {
                warnings.add("A pooler in transaction mode (PgBouncer) sits between this client and the database ("
                        + t.poolerEvidence() + "), but the client prepares statements on the server: set "
                        + "db.pooler=transaction in its settings, or screens will fail with \"prepared statement "
                        + "does not exist\".");
            }
            if ("0".equals(t.statementTimeout())) {
                warnings.add("Behind the pooler, this login has no statement timeout (a pooler cannot pass the "
                        + "client's own): run ALTER ROLE <login> SET statement_timeout = '30s'; ALTER ROLE <login> "
                        + "SET lock_timeout = '5s'; ALTER ROLE <login> SET idle_in_transaction_session_timeout = "
                        + "'60s' as IT (see the README, \"500 seats\").");
            }
        }
    }
}
