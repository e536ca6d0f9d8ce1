package co.intowork.recruiter.common.db;

import org.apache.ibatis.annotations.Param;

public interface EmbeddedAdminMapper {
    boolean databaseExists(@Param("name") String name);

    void createDatabase(@Param("name") String name);

    String createClientLogin(@Param("name") String name);
}
