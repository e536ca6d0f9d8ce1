package co.intowork.recruiter.common.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.type.BaseTypeHandler;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform jsonb column holding an array, read as its text, as a list. The platform's web and hand-written SQL
 * may have stored anything there, so a read never fails: null, blank or malformed text is an empty list, and an
 * element the subclass does not recognise ({@link #element} answers null) is left out. Subclasses say what an
 * element is, what a value that is not an array reads as, and how (whether) a list is written.
 */
public abstract class JsonArrayTypeHandler<E> extends BaseTypeHandler<List<E>> {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One element of the array as the list holds it, or null to leave it out. */
    protected abstract E element(JsonNode node);

    /** Valid JSON that is not an array: nothing, unless the column's writers have another form for a list. */
    protected void notAnArray(JsonNode root, List<E> into) {
    }

    /** What a read of the column returns, from the elements found (a new, mutable list). */
    protected abstract List<E> result(List<E> elements);

    /** The column's text as a list. */
    public final List<E> read(String json) {
        List<E> found = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return result(found);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return result(found);
        }
        if (root.isArray()) {
            for (JsonNode node : root) {
                E e = element(node);
                if (e != null) {
                    found.add(e);
                }
            }
        } else {
            notAnArray(root, found);
        }
        return result(found);
    }

    @Override
    public List<E> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return read(rs.getString(columnName));
    }

    @Override
    public List<E> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return read(rs.getString(columnIndex));
    }

    @Override
    public List<E> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return read(cs.getString(columnIndex));
    }
}
