package co.intowork.recruiter.interviews;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.common.ui.Messages;
import co.intowork.recruiter.common.ui.Navigator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The calendar: a day or a week (Monday first) of interviews in this computer's zone, the company's (and the jobs
 * the person manages) or only those the person sits on. Keyboard: left and right a day, up and down an interview of
 * the day, PageUp and PageDown a week, Home today. Interviews that share an interviewer at the same time are
 * marked.
 */
public final class CalendarViewModel {
    private static final Logger log = LoggerFactory.getLogger(CalendarViewModel.class);

    public enum Span { DAY, WEEK }

    private final InterviewPlanner planner;
    private final InterviewService service;
    private final TaskRunner tasks;
    private final Navigator navigator;
    private final SignedIn signedIn;
    private final Clock clock;
    private final ZoneId zone;
    private final Invitations invitations = new Invitations();

    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.WEEK);
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final BooleanProperty mine = new SimpleBooleanProperty(false);
    private final ObservableList<LocalDate> days = FXCollections.observableArrayList();
    private final ObservableList<Interview> interviews = FXCollections.observableArrayList();
    private final ObjectProperty<Interview> selected = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Set<Integer> overlapping = new HashSet<>();
    private final ObjectProperty<InterviewDialogViewModel> dialog = new SimpleObjectProperty<>();
    private int generation;

    public CalendarViewModel(InterviewPlanner planner, SignedIn signedIn, Navigator navigator) {
        this(planner, signedIn, navigator, Clock.systemDefaultZone(), ZoneId.systemDefault());
    }

    CalendarViewModel(InterviewPlanner planner, SignedIn signedIn, Navigator navigator, Clock clock, ZoneId zone) {
        this.planner = planner;
        this.service = planner.service();
        this.tasks = signedIn.tasks();
        this.navigator = navigator;
        this.signedIn = signedIn;
        this.clock = clock;
        this.zone = zone;
        // a hiring manager has no company calendar: her jobs' interviews are "all" for her
        day.set(LocalDate.now(clock.withZone(zone)));
        days.setAll(shownDays());
        heading.set(headingText());
        if (signedIn.offline()) {
            message.set(Messages.text("calendar.offline"));
        }
    }

    public boolean available() {
        return !signedIn.offline();
    }

    /** Reads the shown days' interviews again. */
    public void refresh() {
        days.setAll(shownDays());
        heading.set(headingText());
        if (!available()) {
            interviews.clear();
            return;
        }
        List<LocalDate> shown = List.copyOf(days);
        boolean onlyMine = mine.get();
        int loading = ++generation;
        busy.set(true);
        error.set("");
        tasks.run(() -> service.calendar(shown.get(0), shown.get(shown.size() - 1).plusDays(1), zone, onlyMine),
                found -> {
                    if (loading != generation) {
                        return;
                    }
                    busy.set(false);
                    Integer keep = selected.get() == null ? null : selected.get().id();
                    overlapping.clear();
                    overlapping.addAll(overlaps(found));
                    interviews.setAll(found);
                    selected.set(found.stream().filter(i -> keep != null && i.id() == keep).findFirst()
                            .orElse(firstOf(day.get())));
                    message.set(found.isEmpty() ? Messages.text("calendar.none")
                            : found.size() >= InterviewService.MAX_PER_PAGE
                            ? Messages.format("calendar.capped", found.size()) : "");
                }, failure -> {
                    if (loading != generation) {
                        return;
                    }
                    busy.set(false);
                    log.error("Calendar not loaded", failure);
                    error.set(Messages.format("calendar.error", SqlErrors.describe(failure)));
                });
    }

    /** Interviews sharing an open interviewer at overlapping times (the day's double bookings). */
    static Set<Integer> overlaps(List<Interview> found) {
        Set<Integer> ids = new HashSet<>();
        List<Interview> open = found.stream().filter(i -> i.state().open()).toList();
        for (int a = 0; a < open.size(); a++) {
            for (int b = a + 1; b < open.size(); b++) {
                Interview x = open.get(a);
                Interview y = open.get(b);
                if (x.startsAt().isBefore(y.endsAt()) && y.startsAt().isBefore(x.endsAt())
                        && x.interviewers().stream().anyMatch(p -> y.hasInterviewer(p.userId()))) {
                    ids.add(x.id());
                    ids.add(y.id());
                }
            }
        }
        return ids;
    }

    public boolean overlaps(Interview interview) {
        return overlapping.contains(interview.id());
    }

    private List<LocalDate> shownDays() {
        if (span.get() == Span.DAY) {
            return List.of(day.get());
        }
        LocalDate monday = day.get().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
    }

    private String headingText() {
        DateTimeFormatter long_ = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Messages.locale());
        if (span.get() == Span.DAY) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Messages.locale()).format(day.get());
        }
        List<LocalDate> shown = shownDays();
        return Messages.format("calendar.week", long_.format(shown.get(0)), long_.format(shown.get(6)));
    }

    /** The interviews starting on that day (in this computer's zone), in time order. */
    public List<Interview> on(LocalDate date) {
        List<Interview> result = new ArrayList<>();
        for (Interview i : interviews) {
            if (i.startsAt().atZoneSameInstant(zone).toLocalDate().equals(date)) {
                result.add(i);
            }
        }
        return result;
    }

    private Interview firstOf(LocalDate date) {
        List<Interview> those = on(date);
        return those.isEmpty() ? null : those.get(0);
    }

    // ---- navigation (keyboard and buttons) ------------------------------------------------------------------

    /** Moves the day by {@code n}; the shown days follow when it leaves them. */
    public void moveDays(int n) {
        LocalDate target = day.get().plusDays(n);
        boolean reload = span.get() == Span.DAY || !shownDays().contains(target);
        day.set(target);
        if (reload) {
            selected.set(null);
            refresh();
        } else {
            selected.set(firstOf(target));
        }
    }

    public void moveWeeks(int n) {
        day.set(day.get().plusWeeks(n));
        selected.set(null);
        refresh();
    }

    public void today() {
        day.set(LocalDate.now(clock.withZone(zone)));
        selected.set(null);
        refresh();
    }

    /** Up and down within the day's interviews. */
    public void moveSelection(int n) {
        List<Interview> those = on(day.get());
        if (those.isEmpty()) {
            return;
        }
        int at = those.indexOf(selected.get());
        int next = at < 0 ? 0 : Math.max(0, Math.min(those.size() - 1, at + n));
        selected.set(those.get(next));
    }

    public void select(Interview interview) {
        selected.set(interview);
        if (interview != null) {
            day.set(interview.startsAt().atZoneSameInstant(zone).toLocalDate());
        }
    }

    public void setSpan(Span to) {
        if (to != span.get()) {
            span.set(to);
            refresh();
        }
    }

    public void setMine(boolean onlyMine) {
        if (onlyMine != mine.get()) {
            mine.set(onlyMine);
            refresh();
        }
    }

    // ---- actions on the chosen interview -------------------------------------------------------------------

    public void openReview() {
        if (selected.get() != null) {
            navigator.showReview(selected.get().applicationId());
        }
    }

    /** The dialog to change the chosen interview; the view shows it, then calls {@link #refresh()}. */
    public void reschedule() {
        Interview chosen = selected.get();
        if (chosen != null && chosen.state().open() && available()) {
            dialog.set(planner.change(chosen));
        }
    }

    public void dialogClosed() {
        dialog.set(null);
    }

    public void cancelInterview() {
        changeStatus(InterviewStatus.CANCELED, "calendar.canceled");
    }

    public void markDone() {
        changeStatus(InterviewStatus.COMPLETED, "calendar.done");
    }

    public void confirm() {
        changeStatus(InterviewStatus.CONFIRMED, "calendar.confirmed");
    }

    private void changeStatus(InterviewStatus to, String doneKey) {
        Interview chosen = selected.get();
        if (chosen == null || !chosen.state().open() || !available()) {
            return;
        }
        busy.set(true);
        error.set("");
        tasks.run(() -> service.setStatus(chosen.id(), chosen.sequence(), to), sequence -> {
            busy.set(false);
            message.set(Messages.format(doneKey, chosen.candidateName()));
            refresh();
        }, failure -> {
            busy.set(false);
            log.warn("Interview {} not changed to {}", chosen.id(), to, failure);
            error.set(SqlErrors.describe(failure));
            if (failure instanceof InterviewChangedException) {
                refresh();
            }
        });
    }

    /** The chosen interview's invitation (.ics), sent by the signed-in person. */
    public void saveInvitation(Path file) {
        Interview chosen = selected.get();
        if (chosen == null || file == null) {
            return;
        }
        tasks.run(() -> {
            invitations.save(List.of(chosen), signedIn.user().displayName(), signedIn.user().email(), file);
            return file;
        }, saved -> message.set(Messages.format("calendar.invitationSaved", saved.getFileName())),
                failure -> {
                    log.error("Invitation not written to {}", file, failure);
                    error.set(Messages.format("calendar.invitationFailed", file, SqlErrors.describe(failure)));
                });
    }

    public String suggestedFileName() {
        Interview chosen = selected.get();
        return chosen == null ? "interview.ics" : "interview-" + chosen.id() + ".ics";
    }

    // ---- texts ----------------------------------------------------------------------------------------------

    public String timeText(Interview i) {
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        return i.startsAt().atZoneSameInstant(zone).format(hm) + "–" + i.endsAt().atZoneSameInstant(zone).format(hm);
    }

    public static String statusText(Interview i) {
        return Messages.text(i.state().key());
    }

    /** The chosen interview's heading: who, for which job. */
    public String detailsTitle(Interview i) {
        return i.candidateName() + " · " + i.jobTitle();
    }

    /** The chosen interview's facts, one "what: value" a line. */
    public String detailsText(Interview i) {
        List<String> lines = new ArrayList<>();
        lines.add(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Messages.locale())
                .format(i.startsAt().atZoneSameInstant(zone)) + ", " + timeText(i)
                + (i.zone().equals(zone) ? "" : " (" + i.start().toLocalTime() + " " + i.zone().getId() + ")"));
        lines.add(detail("interview.status", statusText(i)));
        if (i.location() != null && !i.location().isBlank()) {
            lines.add(detail("interview.location", i.location()));
        }
        if (i.meetingLink() != null && !i.meetingLink().isBlank()) {
            lines.add(detail("interview.link", i.meetingLink()));
        }
        lines.add(detail("interview.interviewers",
                String.join(", ", i.interviewers().stream().map(Interviewer::name).toList())));
        lines.add(detail("interview.candidateEmail", i.candidateEmail()));
        if (overlaps(i)) {
            lines.add(Messages.text("calendar.overlap"));
        }
        return String.join("\n", lines);
    }

    private static String detail(String labelKey, String value) {
        return Messages.format("calendar.detail", Messages.text(labelKey), value);
    }

    public DateTimeFormatter dayFormat() {
        return DateTimeFormatter.ofPattern("EEE d MMM", Messages.locale());
    }

    public boolean isToday(LocalDate date) {
        return date.equals(LocalDate.now(clock.withZone(zone)));
    }

    public ReadOnlyObjectProperty<Span> spanProperty() {
        return span;
    }

    public ReadOnlyObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ReadOnlyBooleanProperty mineProperty() {
        return mine;
    }

    public ObservableList<LocalDate> days() {
        return days;
    }

    public ObservableList<Interview> interviews() {
        return interviews;
    }

    public ReadOnlyObjectProperty<Interview> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<InterviewDialogViewModel> dialogProperty() {
        return dialog;
    }
}
