package co.intowork.recruiter.common.db.admin;

import co.intowork.recruiter.common.db.MyBatisFactory;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UserFacingException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Database logins for the desktop client, for IT: each is a LOGIN member of recruiter_app, nothing more. */
public final class ClientLoginService {
    private final SqlSessionFactory factory;

    public ClientLoginService(DataSource dataSource) {
        this.factory = MyBatisFactory.create(dataSource, List.of(ClientLoginMapper.class));
    }

    /**
     * Creates the login (or leaves an existing client login as it is) and sets its password when one is given.
     * The password leaves this machine only as a SCRAM verifier computed by the driver, never in clear text, so
     * it cannot end up in the server's statement log.
     *
     * @return true when the login was created, false when it already existed
     */
    public boolean create(String name, char[] password, ClientLoginLimits limits) {
        try (SqlSession session = factory.openSession(false)) {
            try {
                String outcome = session.getMapper(ClientLoginMapper.class).create(name, limits);
                if (password != null) {
                    session.getConnection().unwrap(PGConnection.class).alterUserPassword(name, password, null);
                }
                session.commit(true);
                return "created".equals(outcome);
            } catch (RuntimeException | SQLException e) {
                session.rollback(true);
                throw worded(e);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
    }

    public boolean drop(String name) {
        try (SqlSession session = factory.openSession(true)) {
            return session.getMapper(ClientLoginMapper.class).drop(name);
        } catch (RuntimeException e) {
            throw worded(e);
        }
    }

    /** Applies the limits IT set to the login again; false when none were ever set for it. */
    public boolean restore(String name) {
        try (SqlSession session = factory.openSession(true)) {
            return session.getMapper(ClientLoginMapper.class).restore(name);
        } catch (RuntimeException e) {
            throw worded(e);
        }
    }

    public List<ClientLoginDrift> drift() {
        try (SqlSession session = factory.openSession(true)) {
            return session.getMapper(ClientLoginMapper.class).drift();
        } catch (RuntimeException e) {
            throw worded(e);
        }
    }

    public List<ClientLogin> list() {
        try (SqlSession session = factory.openSession(true)) {
            return session.getMapper(ClientLoginMapper.class).list();
        } catch (RuntimeException e) {
            throw worded(e);
        }
    }

    private static UserFacingException worded(Exception e) {
        String state = SqlErrors.sqlState(e).orElse("");
        // 42501: no CREATEROLE; 42883: the V20 functions are missing (database not migrated)
        if (state.equals("42501")) {
            return new UserFacingException("Managing client logins needs a database role with CREATEROLE (or a "
                    + "superuser): run this command with --user set to such an administrator.", e);
        }
        // 22023: a bad name or limit; 22P02 / 22023 from ALTER ROLE SET: a timeout PostgreSQL does not understand
        if (state.equals("22023") || state.equals("22P02")) {
            return new UserFacingException(SqlErrors.serverMessage(e).orElse("A value is not valid")
                    + " Nothing was changed.", e);
        }
        if (state.equals("42883")) {
            return new UserFacingException("This database has not been prepared for this version of IntoWork Recruiter: "
                    + "run `intowork-recruiter migrate` first.", e);
        }
        return SqlErrors.translate(e);
    }
}
