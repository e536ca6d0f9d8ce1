package co.intowork.recruiter.messages;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

public interface TemplateMapper {
    List<EmailTemplate> list(@Param("companyId") int companyId);

    EmailTemplate get(@Param("companyId") int companyId, @Param("id") int id);

    Integer insert(@Param("companyId") int companyId, @Param("userId") int userId, @Param("name") String name,
                   @Param("type") String type, @Param("subject") String subject, @Param("body") String body,
                   @Param("active") boolean active);

    /** 0 when it changed since {@code readAt} (or is not the company's). */
    int update(@Param("companyId") int companyId, @Param("id") int id, @Param("name") String name,
               @Param("type") String type, @Param("subject") String subject, @Param("body") String body,
               @Param("active") boolean active, @Param("readAt") OffsetDateTime readAt);

    int markUsed(@Param("companyId") int companyId, @Param("id") int id, @Param("times") int times);
}
