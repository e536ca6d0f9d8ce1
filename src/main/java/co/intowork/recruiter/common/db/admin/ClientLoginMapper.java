package co.intowork.recruiter.common.db.admin;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface ClientLoginMapper {
    String create(@Param("name") String name, @Param("limits") ClientLoginLimits limits);

    boolean restore(@Param("name") String name);

    boolean drop(@Param("name") String name);

    List<ClientLogin> list();

    List<ClientLoginDrift> drift();
}
