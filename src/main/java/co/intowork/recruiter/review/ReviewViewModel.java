package co.intowork.recruiter.review;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.board.ApplicationStatus;
import co.intowork.recruiter.board.StatusTransitions;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.interviews.Interview;
import co.intowork.recruiter.interviews.InterviewDialogViewModel;
import co.intowork.recruiter.interviews.InterviewPlanner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import co.intowork.recruiter.live.LiveEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The review of one application: profile, CV, cover letter, status timeline, and the recruiter's notes, rating
 * and scorecard saved against the row version. Opening an application still "applied" marks it viewed at once,
 * through the board's move (decision: automatic, so the candidate hears exactly what a board move tells them).
 * Previous/next walk the board column the application was opened from.
 */
public final class ReviewViewModel {
    private static final Logger log = LoggerFactory.getLogger(ReviewViewModel.class);

    private record Loaded(Review review, boolean markedViewed) {
    }

    /** A note of the thread as shown: author (and role) with the time, the text, and whether it is one's own. */
    public record ThreadItem(Review.Note note, String heading, String text, boolean mine) {
    }

    private final ReviewService service;
    private final TaskRunner tasks;
    private final Navigator navigator;
    private final IntFunction<List<Integer>> columnOf;
    private final CvOpener cvOpener;
    private final ZoneId zone;

    private final ObjectProperty<Review> review = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    // issue 21: the application's interviews, and the scheduling dialog (the section registry gives the planner)
    private final StringProperty interviewsText = new SimpleStringProperty("");
    private InterviewPlanner interviews;
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty coverLetter = new SimpleStringProperty("");
    private final StringProperty cvText = new SimpleStringProperty("");
    private final StringProperty position = new SimpleStringProperty("");
    private final ObservableList<String> experiences = FXCollections.observableArrayList();
    private final ObservableList<String> educations = FXCollections.observableArrayList();
    private final ObservableList<String> skills = FXCollections.observableArrayList();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();
    private final ObservableList<ApplicationStatus> moveTargets = FXCollections.observableArrayList();

    private final StringProperty notes = new SimpleStringProperty("");
    private final ObservableList<ThreadItem> thread = FXCollections.observableArrayList();
    private final StringProperty noteDraft = new SimpleStringProperty("");
    private final BooleanProperty threadAvailable = new SimpleBooleanProperty(true);
    private boolean assessmentDirty;
    private final StringProperty rating = new SimpleStringProperty("");
    private final Map<Scorecard.Criterion, ObjectProperty<Integer>> scores = new EnumMap<>(Scorecard.Criterion.class);
    private final StringProperty scoreAverage = new SimpleStringProperty("");
    private Scorecard readScorecard = Scorecard.EMPTY;

    // the platform's tags and AI match analysis (issue 24)
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> tagChoices = FXCollections.observableArrayList();
    private final StringProperty tagDraft = new SimpleStringProperty("");
    private final StringProperty aiScore = new SimpleStringProperty("");
    private final StringProperty aiWhen = new SimpleStringProperty("");
    private final StringProperty aiDetails = new SimpleStringProperty("");

    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty conflict = new SimpleBooleanProperty(false);
    private final BooleanProperty canOpenCv = new SimpleBooleanProperty(false);
    private final javafx.collections.ObservableList<byte[]> cvPages = javafx.collections.FXCollections.observableArrayList();
    private final CvPreview cvPreview = new CvPreview();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    private List<Integer> column = List.of();
    private int version;
    private int generation;
    private boolean filling;

    public ReviewViewModel(SignedIn signedIn, Navigator navigator, IntFunction<List<Integer>> columnOf,
                           CvOpener cvOpener) {
        this(new ReviewService(signedIn), signedIn, navigator, columnOf, cvOpener);
    }

    /** With the service the workspace chose (working offline, one that writes to the offline copy's outbox). */
    public ReviewViewModel(ReviewService service, SignedIn signedIn, Navigator navigator,
                           IntFunction<List<Integer>> columnOf, CvOpener cvOpener) {
        this(service, signedIn.tasks(), navigator, columnOf, cvOpener, ZoneId.systemDefault());
    }

    ReviewViewModel(ReviewService service, TaskRunner tasks, Navigator navigator, IntFunction<List<Integer>> columnOf,
                    CvOpener cvOpener, ZoneId zone) {
        this.service = service;
        this.tasks = tasks;
        this.navigator = navigator;
        this.columnOf = columnOf;
        this.cvOpener = cvOpener;
        this.zone = zone;
        ChangeListener<Object> edited = (obs, old, now) -> {
            if (!filling) {
                assessmentDirty = true;
                dirty.set(true);
            }
        };
        // a note typed and not yet added is unsaved work as well (sign-out and navigation ask first)
        noteDraft.addListener((obs, old, now) -> updateDirty());
        threadAvailable.set(!service.offline());
        notes.addListener(edited);
        rating.addListener(edited);
        for (Scorecard.Criterion c : Scorecard.criteria()) {
            ObjectProperty<Integer> p = new SimpleObjectProperty<>();
            p.addListener(edited);
            p.addListener((obs, old, now) -> scoreAverage.set(averageText(currentScorecard())));
            scores.put(c, p);
        }
    }

    // candidates' messages (issue 21): null when the workspace offers none
    private co.intowork.recruiter.messages.Messaging messaging;
    private final ObjectProperty<co.intowork.recruiter.messages.ComposeViewModel> compose =
            new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty messagesSent = new javafx.beans.property.SimpleStringProperty("");

    /** Offers "write to the candidate" and shows what was sent to them (the workspace's messages feature). */
    public ReviewViewModel withMessaging(co.intowork.recruiter.messages.Messaging messaging) {
        this.messaging = messaging;
        review.addListener((o, was, now) -> loadMessagesSent(now));
        return this;
    }

    public boolean canMessage() {
        return messaging != null && messaging.canWrite();
    }

    /** A message to the shown candidate; the view shows the compose dialog for the ViewModel set here. */
    public void compose() {
        Review r = review.get();
        if (messaging == null || r == null) {
            return;
        }
        var vm = messaging.compose(r.application().applicationId(), null, java.util.Map.of());
        vm.doneProperty().addListener((o, was, done) -> {
            if (done) {
                loadMessagesSent(review.get());
            }
        });
        compose.set(vm);
    }

    private void loadMessagesSent(Review r) {
        messagesSent.set("");
        if (r == null || messaging == null) {
            return;
        }
        int id = r.application().applicationId();
        tasks.run(() -> messaging.history(id), rows -> {
            Review now = review.get();
            if (now != null && now.application().applicationId() == id) {
                messagesSent.set(co.intowork.recruiter.messages.MessagesText.history(rows));
            }
        }, failure -> log.info("Messages of application {} not shown: {}", id, failure.getMessage()));
    }

    public ReadOnlyObjectProperty<co.intowork.recruiter.messages.ComposeViewModel> composeProperty() {
        return compose;
    }

    public javafx.beans.property.ReadOnlyStringProperty messagesSentProperty() {
        return messagesSent;
    }

    /** Opens an application from elsewhere (board, inbox): previous/next then walk its board column. */
    public void open(int applicationId) {
        Review shown = review.get();
        if (dirty.get() && shown != null && shown.application().applicationId() != applicationId) {
            // the typing stays on screen; the user saves or reloads, then opens the other one again
            error.set(Messages.text("review.unsaved"));
            return;
        }
        List<Integer> ids = columnOf.apply(applicationId);
        column = ids == null || !ids.contains(applicationId) ? List.of(applicationId) : List.copyOf(ids);
        load(applicationId);
    }

    private void load(int applicationId) {
        int opening = ++generation;
        busy.set(true);
        error.set("");
        message.set("");
        conflict.set(false);
        tasks.run(() -> {
            Review first = service.load(applicationId);
            if (first.application().status() != ApplicationStatus.APPLIED) {
                return new Loaded(first, false);
            }
            boolean marked = true;
            try {
                service.markViewed(first.application());
            } catch (RuntimeException e) {
                // someone moved it meanwhile: the reload below shows where it is now
                log.info("Application {} not marked viewed: {}", applicationId, e.getMessage());
                marked = false;
            }
            return new Loaded(service.load(applicationId), marked);
        }, loaded -> {
            if (opening != generation) {
                return;
            }
            busy.set(false);
            show(loaded.review());
            if (loaded.markedViewed()) {
                message.set(Messages.text(service.offline() ? "review.markedViewed.offline" : "review.markedViewed"));
            }
        }, failure -> {
            if (opening == generation) {
                busy.set(false);
                fail("review.error.load", failure);
            }
        });
    }

    private void show(Review r) {
        Review.Application a = r.application();
        review.set(r);
        version = a.version();
        heading.set(a.candidateName());
        subtitle.set(Messages.format("review.subtitle", a.jobTitle(), a.status().displayName(), date(a.appliedAt()),
                a.email() == null ? "" : a.email()));
        profile.set(profileText(a));
        summary.set(a.summary() == null ? "" : a.summary());
        coverLetter.set(a.coverLetter() == null || a.coverLetter().isBlank()
                ? Messages.text("review.coverLetter.none") : a.coverLetter());
        canOpenCv.set(a.cvPath() != null && !a.cvPath().isBlank());
        cvPages.clear();
        cvText.set(canOpenCv.get() ? (a.cvName() != null ? a.cvName() : a.cvPath()) : Messages.text("review.cv.none"));
        experiences.setAll(r.experiences().stream().map(e -> Messages.format("review.experience.line", e.title(),
                e.company(), e.startDate(), e.current() ? Messages.text("review.experience.current")
                        : nonNull(e.endDate()), nonNull(e.location()))).toList());
        educations.setAll(r.educations().stream().map(e -> Messages.format("review.education.line", e.degree(),
                e.school(), e.startDate(), e.endDate())).toList());
        skills.setAll(r.skills().stream().map(s -> Messages.format("review.skill.line", s.name(), s.level())).toList());
        timeline.setAll(r.events().stream().map(this::eventText).toList());
        moveTargets.setAll(java.util.Arrays.stream(ApplicationStatus.values())
                .filter(to -> StatusTransitions.allowed(a.status(), to)).toList());
        int index = column.indexOf(a.applicationId());
        position.set(index < 0 || column.size() < 2 ? ""
                : Messages.format("review.position", index + 1, column.size()));
        fillAssessment(a);
        showThread(r.notes());
        tags.setAll(co.intowork.recruiter.board.TagsTypeHandler.parse(a.tags()));
        tagDraft.set("");
        showAnalysis(AiAnalysis.of(a.aiScore(), a.aiScoreDetails(), a.aiAnalyzedAt()));
        loadTagChoices(a.jobId());
        loadInterviews(a.applicationId());
    }

    /** The AI match analysis: the score and when it was computed, then its details; its two other states as such. */
    private void showAnalysis(AiAnalysis ai) {
        switch (ai.state()) {
            case NOT_ANALYSED -> {
                aiScore.set(Messages.text("ai.notAnalysed"));
                aiWhen.set("");
                aiDetails.set("");
            }
            case UNAVAILABLE -> {
                aiScore.set(Messages.text("ai.unavailable"));
                aiWhen.set(ai.analyzedAt() == null ? "" : Messages.format("ai.when", dateTime(ai.analyzedAt())));
                aiDetails.set(Messages.text("ai.unavailable.hint"));
            }
            case SCORED -> {
                aiScore.set(Messages.format("ai.score", Math.round(ai.score())));
                aiWhen.set(ai.analyzedAt() == null ? "" : Messages.format("ai.when", dateTime(ai.analyzedAt())));
                List<String> lines = new java.util.ArrayList<>();
                if (ai.recommendation() != null) {
                    lines.add(Messages.format("ai.recommendation", ai.recommendation()));
                }
                if (!ai.strengths().isEmpty()) {
                    lines.add(Messages.format("ai.strengths", String.join(" · ", ai.strengths())));
                }
                if (!ai.weaknesses().isEmpty()) {
                    lines.add(Messages.format("ai.weaknesses", String.join(" · ", ai.weaknesses())));
                }
                if (!ai.matchedSkills().isEmpty() || ai.skillsPercentage() != null) {
                    lines.add(Messages.format("ai.matched", ai.skillsPercentage() == null ? "?"
                            : Math.round(ai.skillsPercentage()), ai.matchedSkills().isEmpty() ? "—"
                            : String.join(", ", ai.matchedSkills())));
                }
                if (!ai.missingSkills().isEmpty()) {
                    lines.add(Messages.format("ai.missing", String.join(", ", ai.missingSkills())));
                }
                if (ai.experienceMatch() != null) {
                    lines.add(Messages.format("ai.experience", ai.experienceMatch()));
                }
                aiDetails.set(String.join("\n", lines));
            }
            default -> throw new IllegalStateException(ai.state().name());
        }
    }

    private void loadTagChoices(int jobId) {
        int loading = generation;
        tasks.run(() -> service.jobTags(jobId), found -> {
            if (loading == generation) {
                tagChoices.setAll(found);
            }
        }, failure -> log.info("Tag choices of job {}: {}", jobId, failure.toString()));
    }

    /** Adds the typed tag (trimmed and lower-cased, as the platform stores it); no version check, as for notes. */
    public void addTag() {
        Review r = review.get();
        String tag = ReviewService.normalizeTag(tagDraft.get());
        if (r == null || busy.get() || tag.isEmpty()) {
            return;
        }
        if (tags.contains(tag)) {
            tagDraft.set("");
            return;
        }
        if (tag.length() > ReviewService.MAX_TAG_LENGTH) {
            error.set(Messages.format("review.tags.length", ReviewService.MAX_TAG_LENGTH));
            return;
        }
        if (tags.size() >= ReviewService.MAX_TAGS) {
            error.set(Messages.format("review.tags.full", ReviewService.MAX_TAGS));
            return;
        }
        int id = r.application().applicationId();
        changeTags(() -> service.addTag(id, tag), true);
    }

    public void removeTag(String tag) {
        Review r = review.get();
        if (r == null || busy.get() || tag == null) {
            return;
        }
        int id = r.application().applicationId();
        changeTags(() -> service.removeTag(id, tag), false);
    }

    private void changeTags(java.util.concurrent.Callable<ReviewService.TagChange> work, boolean adding) {
        changeBesideTheForm(work, ReviewService.TagChange::version, changed -> {
            if (adding) {
                tagDraft.set("");
            }
            tags.setAll(changed.tags());
            changed.tags().stream().filter(t -> !tagChoices.contains(t)).forEach(tagChoices::add);
        }, failure -> fail(adding ? "review.tags.error.add" : "review.tags.error.remove", failure));
    }

    /**
     * A change written at once, apart from the form's save (tags, the notes thread): busy meanwhile, and dropped if
     * another application was opened since. When it was the only change since the read, the notes, rating and
     * scorecard stay saveable.
     */
    private <T> void changeBesideTheForm(java.util.concurrent.Callable<T> work,
                                         java.util.function.ToIntFunction<T> versionOf,
                                         java.util.function.Consumer<T> done,
                                         java.util.function.Consumer<Throwable> failed) {
        int changing = generation;
        int readVersion = version;
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run(work, changed -> {
            busy.set(false);
            if (changing != generation) {
                return;
            }
            if (versionOf.applyAsInt(changed) == readVersion + 1) {
                version = versionOf.applyAsInt(changed);
            }
            done.accept(changed);
        }, failure -> {
            busy.set(false);
            if (changing == generation) {
                failed.accept(failure);
            }
        });
    }

    private Scorecard currentScorecard() {
        Map<Scorecard.Criterion, Integer> values = new EnumMap<>(Scorecard.Criterion.class);
        scores.forEach((c, p) -> values.put(c, p.get()));
        return readScorecard.withScores(values);
    }

    /** The average as the platform will store it once saved. */
    static String averageText(Scorecard card) {
        java.math.BigDecimal avg = card.average();
        return avg == null ? "" : Messages.format("review.score.average", avg.toPlainString());
    }

    /** Scheduling from the review (issue 21); without a planner nothing is offered. */
    public void offerInterviews(InterviewPlanner planner) {
        this.interviews = planner;
    }

    public boolean canScheduleInterviews() {
        return interviews != null;
    }

    /** The dialog for the application shown, or null. */
    public InterviewDialogViewModel scheduleInterview() {
        Review r = review.get();
        return r == null || interviews == null ? null : interviews.newInterview(r.application().applicationId());
    }

    /** After the dialog: where it went, and the list again. */
    public void interviewScheduled(int id) {
        message.set(Messages.text(id == 0 ? "interview.queued" : "interview.scheduled"));
        Review r = review.get();
        if (r != null) {
            loadInterviews(r.application().applicationId());
        }
    }

    private void loadInterviews(int applicationId) {
        interviewsText.set("");
        if (interviews == null) {
            return;
        }
        tasks.run(() -> interviews.service().ofApplication(applicationId), found -> {
            Review now = review.get();
            if (now != null && now.application().applicationId() == applicationId) {
                interviewsText.set(found.isEmpty() ? Messages.text("interview.none")
                        : String.join("\n", found.stream().map(ReviewViewModel::interviewLine).toList()));
            }
        }, failure -> log.warn("Interviews of application {} not read", applicationId, failure));
    }

    private static String interviewLine(Interview i) {
        java.time.ZonedDateTime start = i.startsAt().atZoneSameInstant(java.time.ZoneId.systemDefault());
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(Messages.locale()).format(start)
                + " · " + i.durationMinutes() + " min · " + Messages.text(i.state().key())
                + (i.location() == null ? "" : " · " + i.location());
    }

    public ReadOnlyStringProperty interviewsTextProperty() {
        return interviewsText;
    }

    private void showThread(List<Review.Note> notes) {
        int me = service.userId();
        thread.setAll(notes.stream().map(n -> new ThreadItem(n, noteHeading(n), n.text() == null ? "" : n.text(),
                n.userId() != null && n.userId() == me)).toList());
    }

    private String noteHeading(Review.Note n) {
        String who = n.userName() == null || n.userName().isBlank()
                ? Messages.text("review.thread.someone") : n.userName();
        if (n.hiringManager()) {
            who = Messages.format("review.thread.hiringManager", who);
        }
        return n.createdAt() == null ? who : Messages.format("review.thread.heading", who, dateTime(n.createdAt()));
    }

    private void updateDirty() {
        dirty.set(assessmentDirty || (noteDraft.get() != null && !noteDraft.get().isBlank()));
    }

    /**
     * Adds the typed note to the thread as the signed-in person. It never conflicts (the thread only grows); the
     * row version read is kept unless this note was the only change since, so notes, rating and scorecard still
     * refuse to overwrite someone else's save.
     */
    public void addNote() {
        Review r = review.get();
        String text = noteDraft.get() == null ? "" : noteDraft.get().strip();
        if (r == null || busy.get() || !threadAvailable.get()) {
            return;
        }
        if (text.isEmpty()) {
            error.set(Messages.text("review.thread.empty"));
            return;
        }
        if (text.length() > ReviewService.MAX_NOTE_LENGTH) {
            error.set(Messages.format("review.thread.length", ReviewService.MAX_NOTE_LENGTH));
            return;
        }
        int id = r.application().applicationId();
        changeThread(() -> service.addNote(id, text), true);
    }

    /** Deletes one of one's own notes (others' are refused here and by the server). */
    public void deleteNote(ThreadItem item) {
        Review r = review.get();
        if (r == null || item == null || busy.get() || !threadAvailable.get()) {
            return;
        }
        if (!item.mine()) {
            error.set(Messages.text("review.thread.notYours"));
            return;
        }
        int id = r.application().applicationId();
        changeThread(() -> service.deleteNote(id, item.note()), false);
    }

    private void changeThread(java.util.concurrent.Callable<ReviewService.ThreadChange> work, boolean adding) {
        changeBesideTheForm(work, ReviewService.ThreadChange::version, changed -> {
            if (adding) {
                noteDraft.set("");
            }
            showThread(changed.notes());
            message.set(Messages.text(adding ? "review.thread.added" : "review.thread.deleted"));
        }, failure -> {
            String reason = SqlErrors.describe(failure);
            log.info("Notes thread of application {} not changed: {}", review.get() == null ? null
                    : review.get().application().applicationId(), reason);
            error.set(Messages.format(adding ? "review.thread.error.add" : "review.thread.error.delete", reason));
            if (!adding) {
                reloadThread();
            }
        });
    }

    /** After a refused delete, the thread as it is now (someone else added or removed a note meanwhile). */
    private void reloadThread() {
        Review r = review.get();
        if (r == null) {
            return;
        }
        int id = r.application().applicationId();
        int reading = generation;
        tasks.run(() -> service.load(id).notes(), notes -> {
            if (reading == generation) {
                showThread(notes);
            }
        }, failure -> log.info("Notes thread of application {} not reloaded: {}", id, failure.toString()));
    }

    private void fillAssessment(Review.Application a) {
        filling = true;
        try {
            notes.set(a.notes() == null ? "" : a.notes());
            rating.set(a.rating() == null ? "" : String.valueOf(a.rating()));
            Scorecard card = Scorecard.parse(a.scorecard());
            readScorecard = card;
            scores.forEach((c, p) -> p.set(card.scores().get(c)));
            scoreAverage.set(averageText(card));
        } finally {
            filling = false;
        }
        assessmentDirty = false;
        noteDraft.set("");
        dirty.set(false);
        conflict.set(false);
    }

    private String profileText(Review.Application a) {
        StringBuilder sb = new StringBuilder(a.title() == null ? "" : a.title());
        if (a.location() != null && !a.location().isBlank()) {
            sb.append(" · ").append(a.location());
        }
        if (a.yearsExperience() != null) {
            sb.append(" · ").append(Messages.format("review.years", a.yearsExperience()));
        }
        if (a.salaryMin() != null || a.salaryMax() != null) {
            sb.append(" · ").append(java.util.Objects.equals(a.salaryMin(), a.salaryMax())
                    ? Messages.format("review.salary.one", a.salaryMin())
                    : Messages.format("review.salary", a.salaryMin() == null ? "?" : a.salaryMin(),
                    a.salaryMax() == null ? "?" : a.salaryMax()));
        }
        return sb.toString();
    }

    private String eventText(Review.Event e) {
        String who = e.changedBy() != null ? e.changedBy()
                : Messages.text("platform".equals(e.source()) || "insert".equals(e.source())
                ? "review.timeline.byPlatform" : "review.timeline.bySomeone");
        return e.from() == null
                ? Messages.format("review.timeline.created", dateTime(e.changedAt()), e.to().displayName())
                : Messages.format("review.timeline.line", dateTime(e.changedAt()), e.from().displayName(),
                e.to().displayName(), who);
    }

    /** Saves notes, rating and scorecard in one UPDATE checked against the version read. */
    public void save() {
        Review r = review.get();
        if (r == null || busy.get()) {
            return;
        }
        Integer stars;
        try {
            stars = parseRating(rating.get());
        } catch (IllegalArgumentException e) {
            error.set(Messages.text("review.rating.invalid"));
            return;
        }
        Scorecard card = currentScorecard();
        String text = notes.get() == null || notes.get().isBlank() ? null : notes.get();
        int id = r.application().applicationId();
        int readVersion = version;
        int saving = generation;
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run(() -> service.saveAssessment(id, readVersion, text, stars, card), newVersion -> {
            busy.set(false);
            if (saving != generation) {
                return;
            }
            version = newVersion;
            assessmentDirty = false;
            updateDirty();
            message.set(Messages.text("review.saved"));
        }, failure -> {
            busy.set(false);
            if (saving != generation) {
                return;
            }
            if (failure instanceof ReviewConflictException) {
                // the typing stays in the fields; the user reloads when they have copied what they need
                conflict.set(true);
                error.set(failure.getMessage());
                log.info("Review of application {} not saved: changed meanwhile", id);
            } else {
                fail("review.error.save", failure);
            }
        });
    }

    /** Null for an empty field; 1-5 otherwise, else IllegalArgumentException. */
    static Integer parseRating(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text, e);
        }
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }

    /**
     * Moves the application through the board's move (same rules, event and notification). Unsaved typing must be
     * saved first: the move changes the row version, and the reload that follows would replace the fields.
     */
    public void moveTo(ApplicationStatus to) {
        Review r = review.get();
        if (r == null || to == null || busy.get()) {
            return;
        }
        if (dirty.get()) {
            error.set(Messages.text("review.unsaved"));
            return;
        }
        Review.Application a = r.application();
        var refusal = StatusTransitions.refusal(a.status(), to);
        if (refusal.isPresent()) {
            error.set(refusal.get());
            return;
        }
        int moving = ++generation;
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run(() -> {
            service.move(a, to);
            return service.load(a.applicationId());
        }, reloaded -> {
            if (moving != generation) {
                return;
            }
            busy.set(false);
            show(reloaded);
            message.set(Messages.format(service.offline() ? "review.moved.offline" : "review.moved", to.displayName()));
        }, failure -> {
            if (moving != generation) {
                return;
            }
            busy.set(false);
            if (failure instanceof co.intowork.recruiter.board.MoveConflictException) {
                conflict.set(true);
                error.set(Messages.text("review.moveConflict"));
            } else {
                fail("review.error.move", failure);
            }
        });
    }

    /**
     * A change made elsewhere to the application shown (live board, decision 0021): with nothing typed, it is read
     * again and shown as it is now (status in the header, notes, rating); with typing not saved, it stays on
     * screen and the save's version check will say what changed.
     */
    public void applyLive(List<LiveEvent> events) {
        Review r = review.get();
        if (r == null || busy.get()) {
            return;
        }
        int id = r.application().applicationId();
        boolean newer = events.stream().anyMatch(e -> e.concernsApplication(id) && !e.isNotification()
                && (e.version() == null || e.version() > version));
        if (!newer) {
            return;
        }
        if (dirty.get()) {
            message.set(Messages.text("review.live.changedWhileEditing"));
            return;
        }
        int reading = generation;
        tasks.run(() -> service.load(id), now -> {
            if (reading == generation && !dirty.get() && !busy.get()) {
                show(now);
                message.set(Messages.text("review.live.changed"));
            }
        }, failure -> log.warn("Live update of application {}: {}", id, SqlErrors.describe(failure)));
    }

    /** Reads the application again, dropping unsaved edits (after a conflict, on request). */
    public void reload() {
        Review r = review.get();
        if (r != null) {
            load(r.application().applicationId());
        }
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int delta) {
        Review r = review.get();
        if (r == null || busy.get()) {
            return;
        }
        int index = column.indexOf(r.application().applicationId()) + delta;
        if (index < 0 || index >= column.size()) {
            message.set(Messages.text(delta > 0 ? "review.lastInColumn" : "review.firstInColumn"));
            return;
        }
        if (dirty.get()) {
            error.set(Messages.text("review.unsaved"));
            return;
        }
        load(column.get(index));
    }

    public void openCv() {
        Review r = review.get();
        if (r == null || !canOpenCv.get()) {
            return;
        }
        String path = r.application().cvPath().trim();
        if (path.startsWith("http://") || path.startsWith("https://") || path.startsWith("file:")) {
            message.set(Messages.format("review.cv.opening", path));
            error.set("");
            tasks.run(() -> {
                cvOpener.open(path);
                return null;
            }, opened -> { }, failure -> {
                log.warn("Could not open CV {}: {}", path, failure.toString());
                message.set("");
                error.set(Messages.format("review.cv.failed", path, reason(failure)));
            });
        } else {
            // a path on the platform's own server (/uploads/...): without its address we can only show it
            error.set(Messages.format("review.cv.relative", path));
        }
    }

    /**
     * Shows the CV's first pages inside the review (PDF only): fetched and rendered off the UI thread, a sentence
     * when it cannot be.
     */
    public void previewCv() {
        Review r = review.get();
        if (r == null || !canOpenCv.get()) {
            return;
        }
        String path = r.application().cvPath().trim();
        if (!(path.startsWith("http://") || path.startsWith("https://") || path.startsWith("file:"))) {
            error.set(Messages.format("review.cv.relative", path));
            return;
        }
        int shown = r.application().applicationId();
        cvPages.clear();
        message.set(Messages.text("review.preview.loading"));
        tasks.run(() -> cvPreview.pages(path), pages -> {
            Review now = review.get();
            if (now == null || now.application().applicationId() != shown) {
                return;
            }
            message.set(pages.isEmpty() ? Messages.text("review.preview.empty") : "");
            cvPages.setAll(pages);
        }, failure -> {
            log.warn("CV preview of {}: {}", path, failure.toString());
            message.set("");
            error.set(Messages.format("review.preview.failed", reason(failure)));
        });
    }

    /** The CV's pages as PNG images while a preview is shown; emptied when another application opens. */
    public javafx.collections.ObservableList<byte[]> cvPages() {
        return cvPages;
    }

    /** The cause's own words (the viewer's or the system's), without the exception's class name. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                : cause.getMessage();
    }

    public void backToBoard() {
        Review r = review.get();
        if (r != null) {
            navigator.showBoard(r.application().jobId());
        } else {
            navigator.showPipeline();
        }
    }

    private void fail(String key, Throwable failure) {
        String reason = SqlErrors.describe(failure);
        log.error("{}: {}", key, reason, failure);
        error.set(Messages.format(key, reason));
    }

    private String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Messages.locale()));
    }

    private String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Messages.locale()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    public ReadOnlyObjectProperty<Review> reviewProperty() {
        return review;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle;
    }

    public ReadOnlyStringProperty profileProperty() {
        return profile;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty coverLetterProperty() {
        return coverLetter;
    }

    public ReadOnlyStringProperty cvTextProperty() {
        return cvText;
    }

    public ReadOnlyStringProperty positionProperty() {
        return position;
    }

    public ObservableList<String> experiences() {
        return experiences;
    }

    public ObservableList<String> educations() {
        return educations;
    }

    public ObservableList<String> skills() {
        return skills;
    }

    public ObservableList<String> timeline() {
        return timeline;
    }

    /** The statuses this application may move to now (StatusTransitions). */
    public ObservableList<ApplicationStatus> moveTargets() {
        return moveTargets;
    }

    public ObservableList<ThreadItem> thread() {
        return thread;
    }

    public StringProperty noteDraftProperty() {
        return noteDraft;
    }

    /** False working offline: the thread is written on the server only (the old notes field still syncs). */
    public ReadOnlyBooleanProperty threadAvailableProperty() {
        return threadAvailable;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty ratingProperty() {
        return rating;
    }

    public ObjectProperty<Integer> scoreProperty(Scorecard.Criterion criterion) {
        return scores.get(criterion);
    }

    /** "Average 3.5", as the platform computes it; empty without scores. */
    public ReadOnlyStringProperty scoreAverageProperty() {
        return scoreAverage;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    /** Tags already used on the job's applications, offered while typing. */
    public ObservableList<String> tagChoices() {
        return tagChoices;
    }

    public StringProperty tagDraftProperty() {
        return tagDraft;
    }

    public ReadOnlyStringProperty aiScoreProperty() {
        return aiScore;
    }

    public ReadOnlyStringProperty aiWhenProperty() {
        return aiWhen;
    }

    public ReadOnlyStringProperty aiDetailsProperty() {
        return aiDetails;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict;
    }

    public ReadOnlyBooleanProperty canOpenCvProperty() {
        return canOpenCv;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
