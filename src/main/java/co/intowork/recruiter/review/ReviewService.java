package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.BoardCard;
import co.intowork.recruiter.board.BoardService;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.text.Sentence;

import java.util.List;

/** The review's database work, each method one transaction as the signed-in person (row-level security). */
public final class ReviewService {
    /** Saves notes, rating and scorecard against a version; the new version, or ReviewConflictException. */
    @FunctionalInterface
    public interface AssessmentSaver {
        int save(int applicationId, int version, String notes, Integer rating, Scorecard scorecard);
    }

    /** The database refuses longer notes from the client (V31's policy on job_applications). */
    public static final int MAX_NOTES_LENGTH = 100_000;
    /** One note of the thread, as the platform limits it (recruiter.add_application_note checks it too). */
    public static final int MAX_NOTE_LENGTH = 2_000;

    /** The platform keeps at most this many tags on an application. */
    public static final int MAX_TAGS = 10;
    /** The client's own limit on one tag (the platform states none; a tag is a word or two). */
    public static final int MAX_TAG_LENGTH = 50;

    /** The tags after a change, and the application's version after it. */
    public record TagChange(int version, List<String> tags) {
    }

    /** The thread after a change, and the application's version after it. */
    public record ThreadChange(int version, List<Review.Note> notes) {
    }

    private final SignedIn signedIn;
    private final BoardService board;
    private final AssessmentSaver saver;
    private final TagWriter tagWriter;
    private final boolean offline;

    public ReviewService(SignedIn signedIn) {
        this(signedIn, new BoardService(signedIn));
    }

    /** Online, moving through the workspace's board service (its undo window and notification delivery). */
    public ReviewService(SignedIn signedIn, BoardService board) {
        this.signedIn = signedIn;
        this.board = board;
        this.saver = this::saveOnServer;
        this.tagWriter = this::tagsOnServer;
        this.offline = false;
    }

    /** Working offline: moves and saves go to the offline copy's outbox (sync.OfflineOperations). */
    public ReviewService(SignedIn signedIn, BoardService board, AssessmentSaver saver) {
        this(signedIn, board, saver, null);
    }

    /** Working offline, tags too through the outbox ({@code tagWriter}, sync.OfflineOperations). */
    public ReviewService(SignedIn signedIn, BoardService board, AssessmentSaver saver, TagWriter tagWriter) {
        this.signedIn = signedIn;
        this.board = board;
        this.saver = saver;
        this.tagWriter = tagWriter != null ? tagWriter : saver instanceof TagWriter w ? w : (id, tag, add) -> {
            throw new UserFacingException(Sentence.of("review.tags.offline"));
        };
        this.offline = true;
    }

    /** Who writes notes here: the thread lets one delete only one's own. */
    public int userId() {
        return signedIn.user().userId();
    }

    /** Working offline: changes wait in the outbox, and the candidate hears of them only once they are sent. */
    public boolean offline() {
        return offline;
    }

    /** Five index-driven queries in one transaction; a clear sentence when the application is not visible. */
    public Review load(int applicationId) {
        Review review = signedIn.unitOfWork().inTransaction(s -> {
            ReviewMapper mapper = s.getMapper(ReviewMapper.class);
            Review.Application a = mapper.application(applicationId, signedIn.user().companyId(),
                    signedIn.user().userId());
            if (a == null) {
                return null;
            }
            return new Review(a, mapper.experiences(a.candidateId()), mapper.educations(a.candidateId()),
                    mapper.skills(a.candidateId()), mapper.events(applicationId),
                    offline ? List.of() : mapper.notes(applicationId));
        });
        if (review == null) {
            throw new UserFacingException(Sentence.of("review.notFound", applicationId));
        }
        return review;
    }

    /**
     * Marks an applied application viewed exactly as a board move does (status event, viewed_at, the candidate's
     * notification), through the board's move; a refused move (someone changed it meanwhile) is left to the reload.
     */
    public void markViewed(Review.Application a) {
        move(a, ApplicationStatus.VIEWED);
    }

    /**
     * A status change from the review is a board move (version check, status event, the candidate's notification);
     * the transition rules are the caller's, as for the board.
     */
    public void move(Review.Application a, ApplicationStatus to) {
        BoardCard card = new BoardCard(a.applicationId(), a.version(), a.status(), a.candidateName(), a.title(),
                a.appliedAt(), null, a.rating());
        board.move(a.jobId(), List.of(new BoardService.Move(card, to)));
    }

    /** Saves notes, rating and scorecard if nobody changed the application since {@code version}; the new version. */
    public int saveAssessment(int applicationId, int version, String notes, Integer rating, Scorecard scorecard) {
        if (notes != null && notes.length() > MAX_NOTES_LENGTH) {
            throw new UserFacingException(Sentence.of("review.error.notesLength", MAX_NOTES_LENGTH));
        }
        return saver.save(applicationId, version, notes, rating, scorecard);
    }

    /** Appends a note by the signed-in person to the application's thread (never offline: see the view model). */
    public ThreadChange addNote(int applicationId, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE_LENGTH) {
            throw new UserFacingException(Sentence.of("review.thread.length", MAX_NOTE_LENGTH));
        }
        return change(s -> s.getMapper(ReviewMapper.class).addNote(applicationId, text), applicationId);
    }

    /** Deletes one of the signed-in person's own notes; refused when the thread changed meanwhile. */
    public ThreadChange deleteNote(int applicationId, Review.Note note) {
        if (note.createdAt() == null) {
            throw new UserFacingException(Sentence.of("review.thread.changed"));
        }
        return change(s -> s.getMapper(ReviewMapper.class).deleteNote(applicationId, note.index(), note.createdAt()),
                applicationId);
    }

    /** The tags used on the job's applications (the board's tag filter choices), offered while typing a tag. */
    public List<String> jobTags(int jobId) {
        return signedIn.unitOfWork().inTransaction(
                s -> s.getMapper(co.intowork.recruiter.board.BoardMapper.class).tags(jobId));
    }

    /** A tag as the platform stores it: trimmed and lower-cased (Python's str.strip().lower()). */
    public static String normalizeTag(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Adds a tag (normalised as the platform does); a tag already there changes nothing. Online straight to the
     * server; offline to the copy and its outbox ({@link TagWriter}).
     */
    public TagChange addTag(int applicationId, String tag) {
        String t = normalizeTag(tag);
        if (t.isEmpty() || t.length() > MAX_TAG_LENGTH) {
            throw new UserFacingException(Sentence.of("review.tags.length", MAX_TAG_LENGTH));
        }
        return tagWriter.change(applicationId, t, true);
    }

    public TagChange removeTag(int applicationId, String tag) {
        return tagWriter.change(applicationId, normalizeTag(tag), false);
    }

    /** Writes one tag change; {@code add} false removes it. */
    @FunctionalInterface
    public interface TagWriter {
        TagChange change(int applicationId, String tag, boolean add);
    }

    /** The tag change on a database (the server, or the offline copy): one set operation, then the row as now. */
    public static TagChange changeTag(org.apache.ibatis.session.SqlSession s, int applicationId, String tag,
                                      boolean add) {
        ReviewMapper m = s.getMapper(ReviewMapper.class);
        if (add) {
            m.addTag(applicationId, tag);
        } else {
            m.removeTag(applicationId, tag);
        }
        ReviewMapper.TagState now = m.tags(applicationId);
        if (now == null) {
            throw new UserFacingException(Sentence.of("review.notFound", applicationId));
        }
        List<String> tags = co.intowork.recruiter.board.TagsTypeHandler.parse(now.tags());
        if (add && !tags.contains(tag)) {
            throw new UserFacingException(Sentence.of("review.tags.full", MAX_TAGS));
        }
        return new TagChange(now.version(), tags);
    }

    private TagChange tagsOnServer(int applicationId, String tag, boolean add) {
        return signedIn.unitOfWork().inTransaction(s -> changeTag(s, applicationId, tag, add));
    }

    private ThreadChange change(java.util.function.ToIntFunction<org.apache.ibatis.session.SqlSession> write,
                                int applicationId) {
        try {
            return signedIn.unitOfWork().inTransaction(s -> new ThreadChange(write.applyAsInt(s),
                    s.getMapper(ReviewMapper.class).notes(applicationId)));
        } catch (RuntimeException e) {
            String state = co.intowork.recruiter.common.db.SqlErrors.sqlState(e).orElse("");
            switch (state) {
                case "IW403" -> throw new UserFacingException(Sentence.of("review.thread.notYours"), e);
                case "IW409" -> throw new UserFacingException(Sentence.of("review.thread.changed"), e);
                case "IW404" -> throw new UserFacingException(Sentence.of("review.notFound", applicationId), e);
                default -> throw e;
            }
        }
    }

    private int saveOnServer(int applicationId, int version, String notes, Integer rating, Scorecard scorecard) {
        Integer saved = signedIn.unitOfWork().inTransaction(s -> s.getMapper(ReviewMapper.class)
                .saveAssessment(applicationId, version, notes, rating, scorecard.toJson()));
        if (saved == null) {
            throw new ReviewConflictException();
        }
        return saved;
    }
}
