package co.intowork.recruiter.common.db.admin;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

/** The housekeeping functions of schema recruiter (migrations V6, V15, V16). SQL in MaintenanceMapper.xml. */
public interface MaintenanceMapper {
    int purgeExpiredSessions();

    int purgeClientSessions();

    long reconcileCompanyCandidates();

    long recountApplicationsPerJob();

    long recountStatistics();

    long rebuildSearchTerms();

    long rebuildRecruiterNames();

    long rebuildJobTags();

    int purgePasswordResetTokens();

    long pruneChangeEvents();

    int purgeExpiredVerificationTokens();

    int archiveOldNotifications(@Param("readRetentionDays") int readRetentionDays,
                                @Param("unreadRetentionDays") int unreadRetentionDays);

    List<MaintenanceReport.ConstraintValidation> validateCheckConstraints();

    OffsetDateTime refreshActiveJobsSummary();

    void deliverDueStatusNotifications();
}
