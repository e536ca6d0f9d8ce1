package co.intowork.recruiter.pipeline;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Formats;
import co.intowork.recruiter.common.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Creates or edits one job with every field the platform has. Checks what the database checks (V1, V5) before
 * sending anything, saves at the version it read (a conflict keeps the person's changes), and moves the job
 * through its statuses by the rules of {@link JobStatus}.
 */
public final class JobEditorViewModel {
    public static final List<String> CURRENCIES = List.of("XAF", "XOF", "EUR");
    public static final List<String> ZONES = List.of("CEMAC", "UEMOA");
    public static final List<String> LANGUAGES = List.of("fr", "en");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Logger log = LoggerFactory.getLogger(JobEditorViewModel.class);

    private final PipelineService service;
    private final TaskRunner tasks;
    private final boolean canEdit;
    private final Consumer<Job> onSaved;
    private Job stored;

    /** The longest text the database accepts from the client in one field (V31). */
    public static final int MAX_TEXT_LENGTH = 100_000;

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty requirements = new SimpleStringProperty("");
    private final StringProperty responsibilities = new SimpleStringProperty("");
    private final StringProperty benefits = new SimpleStringProperty("");
    private final ObjectProperty<JobType> jobType = new SimpleObjectProperty<>();
    private final ObjectProperty<LocationType> locationType = new SimpleObjectProperty<>();
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty salaryMin = new SimpleStringProperty("");
    private final StringProperty salaryMax = new SimpleStringProperty("");
    private final ObjectProperty<String> currency = new SimpleObjectProperty<>();
    private final BooleanProperty featured = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> expiresOn = new SimpleObjectProperty<>();
    private final StringProperty country = new SimpleStringProperty("");
    private final ObjectProperty<String> zone = new SimpleObjectProperty<>();
    private final ObjectProperty<String> language = new SimpleObjectProperty<>();
    private final StringProperty context = new SimpleStringProperty("");
    private final StringProperty missionPrincipale = new SimpleStringProperty("");
    private final StringProperty profilFormation = new SimpleStringProperty("");
    private final StringProperty profilExperience = new SimpleStringProperty("");
    private final StringProperty profilCompetences = new SimpleStringProperty("");
    private final StringProperty profilPosture = new SimpleStringProperty("");
    private final StringProperty profilAutre = new SimpleStringProperty("");
    private final StringProperty imageUrl = new SimpleStringProperty("");

    private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<JobStatus> moves = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    // closing or archiving takes the job off the website: asked before it is sent
    private final ObjectProperty<JobStatus> pendingMove = new SimpleObjectProperty<>();
    private final StringProperty confirmQuestion = new SimpleStringProperty("");

    JobEditorViewModel(PipelineService service, TaskRunner tasks, boolean canEdit, Job job, Consumer<Job> onSaved) {
        this.service = service;
        this.tasks = tasks;
        this.canEdit = canEdit;
        this.onSaved = onSaved;
        show(job);
        if (!canEdit) {
            message.set(Messages.text("pipeline.editor.readOnly"));
        }
    }

    private void show(Job job) {
        stored = job;
        title.set(text(job.getTitle()));
        description.set(text(job.getDescription()));
        requirements.set(text(job.getRequirements()));
        responsibilities.set(text(job.getResponsibilities()));
        benefits.set(text(job.getBenefits()));
        jobType.set(JobType.fromDb(job.getJobType()));
        locationType.set(LocationType.fromDb(job.getLocationType()));
        location.set(text(job.getLocation()));
        salaryMin.set(job.getSalaryMin() == null ? "" : job.getSalaryMin().toString());
        salaryMax.set(job.getSalaryMax() == null ? "" : job.getSalaryMax().toString());
        currency.set(job.getCurrency());
        featured.set(job.isFeatured());
        expiresOn.set(job.getExpiresAt() == null ? null
                : job.getExpiresAt().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate());
        country.set(text(job.getCountry()));
        zone.set(job.getZone());
        language.set(job.getLanguage());
        context.set(text(job.getContext()));
        missionPrincipale.set(text(job.getMissionPrincipale()));
        profilFormation.set(text(job.getProfilFormation()));
        profilExperience.set(text(job.getProfilExperience()));
        profilCompetences.set(text(job.getProfilCompetences()));
        profilPosture.set(text(job.getProfilPosture()));
        profilAutre.set(text(job.getProfilAutre()));
        imageUrl.set(text(job.getImageUrl()));
        showStatus(job);
    }

    private void showStatus(Job job) {
        stored.setVersion(job.getVersion());
        stored.setStatus(job.getStatus());
        stored.setPostedAt(job.getPostedAt());
        JobStatus now = JobStatus.fromDb(job.getStatus());
        status.set(now);
        moves.setAll(job.getId() == null || !canEdit ? List.of() : List.copyOf(now.allowedMoves()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Every rule the form breaks, as sentences; empty when it may be saved. */
    public List<String> validate() {
        List<String> found = new ArrayList<>();
        if (title.get().isBlank()) {
            found.add(Messages.text("pipeline.editor.error.title"));
        } else if (title.get().trim().length() > 255) {
            found.add(Messages.text("pipeline.editor.error.titleLength"));
        }
        if (description.get().isBlank()) {
            found.add(Messages.text("pipeline.editor.error.description"));
        }
        // the database refuses longer texts from the client (V31's policy on jobs)
        if (java.util.stream.Stream.of(description, requirements, responsibilities, benefits, location, context,
                        missionPrincipale, profilFormation, profilExperience, profilCompetences, profilPosture,
                        profilAutre, imageUrl)
                .anyMatch(p -> p.get() != null && p.get().length() > MAX_TEXT_LENGTH)) {
            found.add(Messages.format("pipeline.editor.error.textLength", MAX_TEXT_LENGTH));
        }
        if (jobType.get() == null) {
            found.add(Messages.text("pipeline.editor.error.jobType"));
        }
        if (locationType.get() == null) {
            found.add(Messages.text("pipeline.editor.error.locationType"));
        }
        Integer min = salary(salaryMin.get(), "pipeline.editor.salaryMin", found);
        Integer max = salary(salaryMax.get(), "pipeline.editor.salaryMax", found);
        if (min != null && max != null && min > max) {
            found.add(Messages.text("pipeline.editor.error.salaryRange"));
        }
        if (currency.get() != null && !CURRENCIES.contains(currency.get())) {
            found.add(Messages.format("pipeline.editor.error.currency", String.join(", ", CURRENCIES)));
        }
        if (zone.get() != null && !ZONES.contains(zone.get())) {
            found.add(Messages.format("pipeline.editor.error.zone", String.join(", ", ZONES)));
        }
        if (language.get() != null && !LANGUAGES.contains(language.get())) {
            found.add(Messages.format("pipeline.editor.error.language", String.join(", ", LANGUAGES)));
        }
        String c = orNull(country.get());
        if (c != null && !COUNTRY.matcher(c).matches()) {
            found.add(Messages.text("pipeline.editor.error.country"));
        }
        String url = orNull(imageUrl.get());
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            found.add(Messages.text("pipeline.editor.error.imageUrl"));
        }
        OffsetDateTime expires = expiresAt();
        if (expires != null) {
            // ck_jobs_posted_at_not_after_expires_at; a job not posted yet gets posted_at = now() when published
            OffsetDateTime posted = stored.getPostedAt() != null ? stored.getPostedAt() : OffsetDateTime.now();
            if (expires.isBefore(posted)) {
                found.add(stored.getPostedAt() != null
                        ? Messages.format("pipeline.editor.error.expiresBeforePosted",
                                stored.getPostedAt().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate())
                        : Messages.text("pipeline.editor.error.expiresPast"));
            }
        }
        return found;
    }

    private static Integer salary(String value, String fieldKey, List<String> found) {
        String v = value == null ? "" : value.replaceAll("[\\s\u00a0\u202f]", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            int amount = Integer.parseInt(v);
            if (amount < 0) {
                found.add(Messages.format("pipeline.editor.error.salaryNegative", Messages.text(fieldKey)));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            found.add(Messages.format("pipeline.editor.error.salaryNumber", Messages.text(fieldKey)));
            return null;
        }
    }

    /** The expiry date means "until the end of that day" where the person works. */
    private OffsetDateTime expiresAt() {
        LocalDate day = expiresOn.get();
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).minusSeconds(1)
                .toOffsetDateTime();
    }

    /** The form as a job to store, at the version it was read. */
    Job toJob() {
        Job job = new Job();
        job.setId(stored.getId());
        job.setVersion(stored.getVersion());
        job.setStatus(stored.getStatus());
        job.setPostedAt(stored.getPostedAt());
        job.setTitle(title.get().trim());
        job.setDescription(description.get().trim());
        job.setRequirements(orNull(requirements.get()));
        job.setResponsibilities(orNull(responsibilities.get()));
        job.setBenefits(orNull(benefits.get()));
        job.setJobType(jobType.get().dbValue());
        job.setLocationType(locationType.get().dbValue());
        job.setLocation(orNull(location.get()));
        job.setSalaryMin(salary(salaryMin.get(), "", new ArrayList<>()));
        job.setSalaryMax(salary(salaryMax.get(), "", new ArrayList<>()));
        job.setCurrency(currency.get());
        job.setFeatured(featured.get());
        job.setExpiresAt(expiresAt());
        job.setCountry(orNull(country.get()));
        job.setZone(zone.get());
        job.setLanguage(language.get());
        job.setContext(orNull(context.get()));
        job.setMissionPrincipale(orNull(missionPrincipale.get()));
        job.setProfilFormation(orNull(profilFormation.get()));
        job.setProfilExperience(orNull(profilExperience.get()));
        job.setProfilCompetences(orNull(profilCompetences.get()));
        job.setProfilPosture(orNull(profilPosture.get()));
        job.setProfilAutre(orNull(profilAutre.get()));
        job.setImageUrl(orNull(imageUrl.get()));
        return job;
    }

    /** Saves when the form is valid; otherwise lists what to correct and sends nothing. */
    public boolean save() {
        if (!canEdit) {
            message.set(Messages.text("pipeline.editor.readOnly"));
            return false;
        }
        errors.setAll(validate());
        if (!errors.isEmpty() || busy.get()) {
            return false;
        }
        Job job = toJob();
        busy.set(true);
        message.set("");
        tasks.run(() -> service.save(job), saved -> {
            busy.set(false);
            show(saved);
            message.set(Messages.text("pipeline.editor.saved"));
            onSaved.accept(saved);
        }, this::failed);
        return true;
    }

    /**
     * Moves the stored job to {@code target}, if the rules allow it from its current status. Closing and archiving
     * take the job off the website: they only ask ({@link #confirmQuestionProperty()}), and {@link #confirmMove()}
     * sends them.
     */
    public boolean move(JobStatus target) {
        return move(target, false);
    }

    /** Sends the move that {@link #move} asked about. */
    public boolean confirmMove() {
        JobStatus target = pendingMove.get();
        cancelMove();
        return target != null && move(target, true);
    }

    public void cancelMove() {
        pendingMove.set(null);
        confirmQuestion.set("");
    }

    /** Whether moving there asks first. */
    public static boolean asksFirst(JobStatus target) {
        return target == JobStatus.CLOSED || target == JobStatus.ARCHIVED;
    }

    private boolean move(JobStatus target, boolean confirmed) {
        if (!canEdit || stored.getId() == null) {
            message.set(Messages.text(canEdit ? "pipeline.move.saveFirst" : "pipeline.editor.readOnly"));
            return false;
        }
        JobStatus from = status.get();
        if (!from.canMoveTo(target)) {
            message.set(Messages.format("pipeline.move.refused", from.label(), target.label()));
            return false;
        }
        OffsetDateTime expires = stored.getExpiresAt();
        if (target == JobStatus.PUBLISHED && expires != null && expires.isBefore(OffsetDateTime.now())) {
            message.set(Messages.text("pipeline.move.expired"));
            return false;
        }
        if (asksFirst(target) && !confirmed) {
            pendingMove.set(target);
            confirmQuestion.set(Messages.text("pipeline.move.confirm." + target.dbValue()));
            return false;
        }
        busy.set(true);
        message.set("");
        Job current = new Job();
        current.setId(stored.getId());
        current.setVersion(stored.getVersion());
        current.setStatus(stored.getStatus());
        tasks.run(() -> service.changeStatus(current, target), moved -> {
            busy.set(false);
            // only the status changed in the database: the person's unsaved edits stay in the form
            showStatus(moved);
            message.set(Messages.format("pipeline.move.done", target.label()));
            onSaved.accept(moved);
        }, this::failed);
        return true;
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof PipelineService.ConflictException && stored.getId() != null) {
            // keep what the person typed; take the new version so that saving again deliberately overwrites
            message.set(Messages.text("pipeline.editor.conflict"));
            tasks.run(() -> service.load(stored.getId()), this::showStatus, e -> log.warn("Reload failed", e));
            return;
        }
        if (!SqlErrors.isSessionEnded(failure)) {
            log.error("Job editor: {}", failure.getMessage(), failure);
        }
        message.set(SqlErrors.describe(failure));
    }

    /** Throws away the form's changes and shows the job as stored now. */
    public void reload() {
        if (stored.getId() == null) {
            return;
        }
        tasks.run(() -> service.load(stored.getId()), job -> {
            show(job);
            errors.clear();
            message.set("");
        }, this::failed);
    }

    public boolean canEdit() { return canEdit; }
    public boolean isNew() { return stored.getId() == null; }
    public Integer jobId() { return stored.getId(); }
    public int version() { return stored.getVersion(); }
    public OffsetDateTime postedAt() { return stored.getPostedAt(); }

    public StringProperty titleProperty() { return title; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty requirementsProperty() { return requirements; }
    public StringProperty responsibilitiesProperty() { return responsibilities; }
    public StringProperty benefitsProperty() { return benefits; }
    public ObjectProperty<JobType> jobTypeProperty() { return jobType; }
    public ObjectProperty<LocationType> locationTypeProperty() { return locationType; }
    public StringProperty locationProperty() { return location; }
    public StringProperty salaryMinProperty() { return salaryMin; }
    public StringProperty salaryMaxProperty() { return salaryMax; }
    public ObjectProperty<String> currencyProperty() { return currency; }

    /** The salary as candidates will read it, in the chosen language's format; empty while it is not valid. */
    public javafx.beans.binding.StringBinding salaryPreviewProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            List<String> ignored = new ArrayList<>();
            Integer min = salary(salaryMin.get(), "pipeline.editor.salaryMin", ignored);
            Integer max = salary(salaryMax.get(), "pipeline.editor.salaryMax", ignored);
            String range = Formats.moneyRange(min, max, currency.get());
            return !ignored.isEmpty() || range.isEmpty() ? "" : Messages.format("pipeline.editor.salaryPreview", range);
        }, salaryMin, salaryMax, currency);
    }
    public BooleanProperty featuredProperty() { return featured; }
    public ObjectProperty<LocalDate> expiresOnProperty() { return expiresOn; }
    public StringProperty countryProperty() { return country; }
    public ObjectProperty<String> zoneProperty() { return zone; }
    public ObjectProperty<String> languageProperty() { return language; }
    public StringProperty contextProperty() { return context; }
    public StringProperty missionPrincipaleProperty() { return missionPrincipale; }
    public StringProperty profilFormationProperty() { return profilFormation; }
    public StringProperty profilExperienceProperty() { return profilExperience; }
    public StringProperty profilCompetencesProperty() { return profilCompetences; }
    public StringProperty profilPostureProperty() { return profilPosture; }
    public StringProperty profilAutreProperty() { return profilAutre; }
    public StringProperty imageUrlProperty() { return imageUrl; }
    public ReadOnlyObjectProperty<JobStatus> statusProperty() { return status; }
    public ObservableList<JobStatus> moves() { return moves; }
    public ObservableList<String> errors() { return errors; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty busyProperty() { return busy; }
    /** The move waiting for "yes" (closing or archiving), or null. */
    public ReadOnlyObjectProperty<JobStatus> pendingMoveProperty() { return pendingMove; }
    /** Non-empty while a move waits for "yes". */
    public StringProperty confirmQuestionProperty() { return confirmQuestion; }
}
