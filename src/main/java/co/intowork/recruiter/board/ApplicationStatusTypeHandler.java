package co.intowork.recruiter.board;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Reads and binds the lower-case applicationstatus labels (MyBatis' own enum handler uses the constant names). */
public final class ApplicationStatusTypeHandler extends BaseTypeHandler<ApplicationStatus> {
    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, ApplicationStatus status, JdbcType jdbcType)
            throws SQLException {
        ps.setObject(i, status.label(), Types.OTHER);
    }

    @Override
    public ApplicationStatus getNullableResult(ResultSet rs, String column) throws SQLException {
        return of(rs.getString(column));
    }

    @Override
    public ApplicationStatus getNullableResult(ResultSet rs, int index) throws SQLException {
        return of(rs.getString(index));
    }

    @Override
    public ApplicationStatus getNullableResult(CallableStatement cs, int index) throws SQLException {
        return of(cs.getString(index));
    }

    private static ApplicationStatus of(String label) {
        return label == null ? null : ApplicationStatus.fromLabel(label);
    }
}
