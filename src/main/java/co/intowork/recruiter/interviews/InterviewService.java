package co.intowork.recruiter.interviews;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;
import org.apache.ibatis.session.SqlSession;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Interviews as the signed-in person: read under row-level security, written through V43's functions (which check
 * the application, the interviewers and the values, and write the platform's format).
 */
public final class InterviewService implements InterviewScheduler {
    /** Interviews read for one calendar page at most (a week of the largest company fits many times over). */
    public static final int MAX_PER_PAGE = 1000;

    private final SignedIn signedIn;

    public InterviewService(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    public SignedIn signedIn() {
        return signedIn;
    }

    public Applicant applicant(int applicationId) {
        Applicant found = read(m -> m.applicant(applicationId));
        if (found == null) {
            throw new UserFacingException(Sentence.of("interview.error.applicationGone"));
        }
        return found;
    }

    /** Who may sit on the job's interviews: its company's employers and its hiring managers. */
    public List<Interviewer> people(int jobId) {
        return read(m -> m.people(jobId));
    }

    /** The zone a new interview is planned in: the company's country's, else this computer's. */
    public ZoneId defaultZone() {
        ZoneId computer = ZoneId.systemDefault();
        Integer company = signedIn.user().companyId();
        if (company == null) {
            return computer;
        }
        return InterviewZones.forCountry(read(m -> m.companyCountry(company)), computer);
    }

    /** The interviews starting on the days [from, to) in {@code zone}: the company's (and managed jobs'), or mine. */
    public List<Interview> calendar(LocalDate from, LocalDate to, ZoneId zone, boolean mine) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.atStartOfDay(zone).toOffsetDateTime();
        return read(m -> mine ? m.ofInterviewer(signedIn.user().userId(), start, end, MAX_PER_PAGE)
                : m.ofCompany(signedIn.user().companyId(), start, end, MAX_PER_PAGE));
    }

    public List<Interview> ofApplication(int applicationId) {
        return read(m -> m.ofApplication(applicationId));
    }

    public Interview find(int id) {
        Interview found = read(m -> m.find(id));
        if (found == null) {
            throw new UserFacingException(Sentence.of("interview.error.notFound"));
        }
        return found;
    }

    /** Open interviews of these people overlapping the slot (other than {@code exceptId}, the one being changed). */
    public List<Booking> conflicts(List<Integer> userIds, OffsetDateTime start, int durationMinutes, Integer exceptId) {
        if (userIds.isEmpty() || start == null || durationMinutes <= 0) {
            return List.of();
        }
        return read(m -> m.bookings(userIds.toArray(Integer[]::new), start, start.plusMinutes(durationMinutes),
                exceptId));
    }

    @Override
    public int schedule(InterviewRequest r) {
        return write(s -> s.getMapper(InterviewMapper.class).schedule(r, r.start().toOffsetDateTime(), r.timezone(),
                r.interviewerIds().toArray(Integer[]::new)));
    }

    /** The invitation's new SEQUENCE. */
    public int reschedule(int id, int sequence, InterviewRequest r) {
        return write(s -> s.getMapper(InterviewMapper.class).reschedule(id, sequence, r,
                r.start().toOffsetDateTime(), r.timezone(), r.interviewerIds().toArray(Integer[]::new)));
    }

    /** Confirmed, canceled or done; the invitation's new SEQUENCE. */
    public int setStatus(int id, int sequence, InterviewStatus status) {
        Objects.requireNonNull(status);
        return write(s -> s.getMapper(InterviewMapper.class).setStatus(id, sequence, status.name()));
    }

    /** The function's own sentence (English, as the database words it): the first line of its message. */
    private static String databaseSentence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getMessage() != null) {
                String line = sql.getMessage().lines().findFirst().orElse("");
                return line.replaceFirst("^(ERROR|FATAL): ", "").strip();
            }
        }
        return String.valueOf(e.getMessage());
    }

    private <T> T read(Function<InterviewMapper, T> query) {
        return signedIn.unitOfWork().inTransaction(s -> query.apply(s.getMapper(InterviewMapper.class)));
    }

    private int write(Function<SqlSession, Integer> change) {
        try {
            return signedIn.unitOfWork().inTransaction(change::apply);
        } catch (RuntimeException e) {
            String state = SqlErrors.sqlState(e).orElse("");
            switch (state) {
                case "IW404" -> throw new UserFacingException(Sentence.of("interview.error.notFound"), e);
                case "IW409" -> throw new InterviewChangedException(e);
                case "IW422" -> throw new UserFacingException(Sentence.of("interview.error.refused",
                        databaseSentence(e)), e);
                default -> throw e;
            }
        }
    }
}
