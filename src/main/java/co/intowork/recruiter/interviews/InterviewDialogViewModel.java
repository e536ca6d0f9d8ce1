package co.intowork.recruiter.interviews;

import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * The scheduling dialog: a new interview for an application, or a change of one (reschedule). The candidate's
 * address is the platform's; the interviewers are chosen among the job's company's employers and its hiring
 * managers (the signed-in person first); a warning names any interviewer already booked at that time.
 */
public final class InterviewDialogViewModel {
    private static final Logger log = LoggerFactory.getLogger(InterviewDialogViewModel.class);
    public static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90, 120, 180);
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:h.]?([0-5]\\d)?");
    private static final Pattern LINK = Pattern.compile("(?i)https?://\\S+");

    private final InterviewService service;
    private final InterviewScheduler scheduler;
    private final TaskRunner tasks;
    private final SignedInUser me;
    private final boolean offline;
    private final int applicationId;
    private final Interview existing;

    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty candidate = new SimpleStringProperty("");
    private final StringProperty candidateEmail = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("10:00");
    private final StringProperty zone = new SimpleStringProperty("");
    private final ObjectProperty<Integer> duration = new SimpleObjectProperty<>(60);
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty meetingLink = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<Interviewer> people = FXCollections.observableArrayList();
    private final ObservableList<Interviewer> interviewers = FXCollections.observableArrayList();
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private int jobId;
    private int checking;

    InterviewDialogViewModel(InterviewService service, InterviewScheduler scheduler, TaskRunner tasks, SignedInUser me,
                             boolean offline, int applicationId, Interview existing) {
        this.service = service;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.me = me;
        this.offline = offline;
        this.applicationId = applicationId;
        this.existing = existing;
        heading.set(Messages.text(existing == null ? "interview.dialog.new" : "interview.dialog.change"));
        date.set(LocalDate.now().plusDays(1));
        if (existing != null) {
            jobId = existing.jobId();
            ZonedDateTime start = existing.start();
            title.set(existing.title());
            date.set(start.toLocalDate());
            time.set(start.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
            zone.set(start.getZone().getId());
            duration.set(existing.durationMinutes());
            location.set(nullToEmpty(existing.location()));
            meetingLink.set(nullToEmpty(existing.meetingLink()));
            description.set(nullToEmpty(existing.description()));
            interviewers.setAll(existing.interviewers());
            candidate.set(existing.candidateName() + " · " + existing.jobTitle());
            candidateEmail.set(nullToEmpty(existing.candidateEmail()));
        }
        date.addListener((o, a, b) -> checkConflicts());
        time.addListener((o, a, b) -> checkConflicts());
        zone.addListener((o, a, b) -> checkConflicts());
        duration.addListener((o, a, b) -> checkConflicts());
        interviewers.addListener((javafx.collections.ListChangeListener<Interviewer>) c -> checkConflicts());
    }

    /** Reads the application, the people who may sit on it and the default zone. */
    public void load() {
        busy.set(true);
        tasks.run(() -> {
            Applicant applicant = service.applicant(applicationId);
            List<Interviewer> who = new ArrayList<>(service.people(applicant.jobId()));
            ZoneId defaultZone = existing == null ? service.defaultZone() : null;
            return new Object[] {applicant, who, defaultZone};
        }, loadedParts -> {
            busy.set(false);
            Applicant applicant = (Applicant) loadedParts[0];
            @SuppressWarnings("unchecked")
            List<Interviewer> who = (List<Interviewer>) loadedParts[1];
            jobId = applicant.jobId();
            candidate.set(applicant.candidateName() + " · " + applicant.jobTitle());
            candidateEmail.set(nullToEmpty(applicant.candidateEmail()));
            Interviewer self = new Interviewer(me.userId(), me.displayName(), me.email());
            if (who.stream().noneMatch(p -> p.userId() == me.userId())) {
                // offline the copy may not hold the colleagues: the person themself can always sit
                who.add(0, self);
            }
            people.setAll(who);
            if (existing == null) {
                title.set(Messages.format("interview.defaultTitle", applicant.jobTitle()));
                zone.set(((ZoneId) loadedParts[2]).getId());
                interviewers.setAll(who.stream().filter(p -> p.userId() == me.userId()).findFirst().orElse(self));
            }
            loaded.set(true);
            checkConflicts();
        }, failure -> {
            busy.set(false);
            log.warn("Scheduling dialog could not load application {}", applicationId, failure);
            error.set(SqlErrors.describe(failure));
        });
    }

    public void addInterviewer(Interviewer person) {
        if (person != null && interviewers.stream().noneMatch(p -> p.userId() == person.userId())) {
            interviewers.add(person);
        }
    }

    public void removeInterviewer(Interviewer person) {
        interviewers.remove(person);
    }

    /** The slot as typed, or null with the reason in {@link #errorProperty()}. */
    ZonedDateTime start() {
        LocalTime at = parseTime(time.get());
        ZoneId z = InterviewZones.parse(zone.get()).orElse(null);
        if (date.get() == null || at == null || z == null) {
            return null;
        }
        return ZonedDateTime.of(date.get(), at, z);
    }

    static LocalTime parseTime(String text) {
        if (text == null) {
            return null;
        }
        var m = TIME.matcher(text.strip());
        if (!m.matches()) {
            try {
                return LocalTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** Asks the server which interviewers already have an open interview overlapping the slot. */
    public void checkConflicts() {
        ZonedDateTime start = start();
        Integer minutes = duration.get();
        List<Interviewer> chosen = List.copyOf(interviewers);
        int asked = ++checking;
        if (offline || start == null || minutes == null || chosen.isEmpty() || !loaded.get() && existing == null) {
            warning.set("");
            return;
        }
        List<Integer> ids = chosen.stream().map(Interviewer::userId).toList();
        tasks.run(() -> service.conflicts(ids, start.toOffsetDateTime(), minutes, existing == null ? null : existing.id()),
                found -> {
                    if (asked == checking) {
                        warning.set(conflictText(found, chosen, start.getZone()));
                    }
                }, failure -> {
                    if (asked == checking) {
                        log.warn("Overlap check failed", failure);
                        warning.set("");
                    }
                });
    }

    static String conflictText(List<Booking> found, List<Interviewer> chosen, ZoneId zone) {
        if (found.isEmpty()) {
            return "";
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        chosen.forEach(p -> names.put(p.userId(), p.name()));
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        List<String> parts = new ArrayList<>();
        for (Booking b : found) {
            parts.add(Messages.format("interview.conflict.one", names.getOrDefault(b.userId(), "#" + b.userId()),
                    b.startsAt().atZoneSameInstant(zone).format(hm), b.endsAt().atZoneSameInstant(zone).format(hm)));
        }
        return Messages.format("interview.conflict", String.join("; ", parts));
    }

    /** Validates, then schedules or changes the interview; {@code done} gets its id (0: waiting in the outbox). */
    public void save(IntConsumer done) {
        String problem = problem();
        if (problem != null) {
            error.set(problem);
            return;
        }
        InterviewRequest request = new InterviewRequest(applicationId, jobId, title.get().strip(), start(),
                duration.get(), blankToNull(location.get()), blankToNull(meetingLink.get()),
                blankToNull(description.get()), interviewers.stream().map(Interviewer::userId).toList());
        error.set("");
        busy.set(true);
        tasks.run(() -> {
                    if (existing == null) {
                        return scheduler.schedule(request);
                    }
                    service.reschedule(existing.id(), existing.sequence(), request);
                    return existing.id();
                },
                id -> {
                    busy.set(false);
                    done.accept(id);
                }, failure -> {
                    busy.set(false);
                    log.warn("Interview not saved for application {}", applicationId, failure);
                    error.set(SqlErrors.describe(failure));
                });
    }

    /** The first thing that keeps the form from being sent, as a sentence; null when it can be. */
    String problem() {
        if (title.get() == null || title.get().isBlank()) {
            return Messages.text("interview.error.title");
        }
        if (date.get() == null || parseTime(time.get()) == null) {
            return Messages.text("interview.error.time");
        }
        if (InterviewZones.parse(zone.get()).isEmpty()) {
            return Messages.text("interview.error.zone");
        }
        if (duration.get() == null || duration.get() < 5 || duration.get() > 720) {
            return Messages.text("interview.error.duration");
        }
        if (isBlank(location.get()) && isBlank(meetingLink.get())) {
            return Messages.text("interview.error.place");
        }
        if (!isBlank(meetingLink.get()) && !LINK.matcher(meetingLink.get().strip()).matches()) {
            return Messages.text("interview.error.link");
        }
        if (interviewers.isEmpty()) {
            return Messages.text("interview.error.interviewers");
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public boolean offline() {
        return offline;
    }

    public boolean isChange() {
        return existing != null;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty candidateProperty() {
        return candidate;
    }

    public ReadOnlyStringProperty candidateEmailProperty() {
        return candidateEmail;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public ObjectProperty<Integer> durationProperty() {
        return duration;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty meetingLinkProperty() {
        return meetingLink;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObservableList<Interviewer> people() {
        return people;
    }

    public ObservableList<Interviewer> interviewers() {
        return interviewers;
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
