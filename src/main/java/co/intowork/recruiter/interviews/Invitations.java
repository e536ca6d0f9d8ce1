package co.intowork.recruiter.interviews;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * iCalendar (RFC 5545) invitations, one VEVENT per interview, through ical4j. A calendar program matches an event by
 * its UID (the interview's id, the same in every file) and keeps the one with the highest SEQUENCE (the database's
 * count of changes, decision 0022): a rescheduled interview's new file moves the same event, a canceled one's
 * (METHOD:CANCEL, STATUS:CANCELLED) removes it. Times are written in UTC; the zone it was planned in is named in
 * the description.
 */
public final class Invitations {
    /** The UID's domain part: stable, so the same interview is the same event whoever exports it. */
    static final String UID_DOMAIN = "recruiter.intowork";

    private final Clock clock;

    public Invitations() {
        this(Clock.systemUTC());
    }

    Invitations(Clock clock) {
        this.clock = clock;
    }

    public static String uid(Interview interview) {
        return "interview-" + interview.id() + "@" + UID_DOMAIN;
    }

    /**
     * The invitations as one calendar: METHOD:CANCEL when every one is canceled (a file to take them out of
     * calendars), else METHOD:REQUEST (a canceled one among others is sent with STATUS:CANCELLED). {@code organizer}:
     * who sends it (an e-mail address), required by iTIP for a request.
     */
    public String write(List<Interview> interviews, String organizerName, String organizerEmail) {
        boolean allCanceled = !interviews.isEmpty()
                && interviews.stream().allMatch(i -> i.state() == InterviewStatus.CANCELED);
        Calendar calendar = new Calendar()
                .add(new ProdId("-//INTOWORK//Recruiter//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(allCanceled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        for (Interview interview : interviews) {
            calendar.add(event(interview, organizerName, organizerEmail));
        }
        StringWriter out = new StringWriter();
        try {
            // no validation on output: a row written by hand on the web (no address) still exports
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Written whole or not at all: a temporary file beside the target, then moved over it. */
    public void save(List<Interview> interviews, String organizerName, String organizerEmail, Path file) {
        String text = write(interviews, organizerName, organizerEmail);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".invitation", ".ics.tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private VEvent event(Interview i, String organizerName, String organizerEmail) {
        Instant start = i.startsAt().toInstant();
        Instant end = i.endsAt().toInstant();
        VEvent event = new VEvent(start, end, i.title());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(uid(i)));
        event.add(new Sequence(i.sequence()));
        event.add(switch (i.state()) {
            case CANCELED -> new Status(Status.VALUE_CANCELLED);
            case CONFIRMED, COMPLETED -> new Status(Status.VALUE_CONFIRMED);
            default -> new Status(Status.VALUE_TENTATIVE);
        });
        String place = i.location() == null || i.location().isBlank() ? i.meetingLink() : i.location();
        if (place != null && !place.isBlank()) {
            event.add(new Location(place));
        }
        URI link = uri(i.meetingLink());
        if (link != null) {
            event.add(new Url(link));
        }
        event.add(new Description(description(i)));
        URI organizer = mailto(organizerEmail);
        if (organizer != null) {
            Organizer o = new Organizer(organizer);
            if (organizerName != null && !organizerName.isBlank()) {
                o.add(new Cn(organizerName));
            }
            event.add(o);
        }
        URI candidate = mailto(i.candidateEmail());
        if (candidate != null) {
            event.add(attendee(candidate, i.candidateName()));
        }
        for (Interviewer person : i.interviewers()) {
            URI address = mailto(person.email());
            if (address != null) {
                event.add(attendee(address, person.name()));
            }
        }
        return event;
    }

    private static Attendee attendee(URI address, String name) {
        Attendee a = new Attendee(address);
        a.add(Role.REQ_PARTICIPANT);
        a.add(PartStat.NEEDS_ACTION);
        a.add(Rsvp.TRUE);
        if (name != null && !name.isBlank()) {
            a.add(new Cn(name));
        }
        return a;
    }

    private static String description(Interview i) {
        StringBuilder text = new StringBuilder();
        if (i.jobTitle() != null) {
            text.append(i.jobTitle());
        }
        if (i.candidateName() != null && !i.candidateName().isBlank()) {
            text.append(text.isEmpty() ? "" : " - ").append(i.candidateName());
        }
        text.append(text.isEmpty() ? "" : "\n").append(i.start().toLocalDateTime().toString().replace('T', ' '))
                .append(" (").append(i.zone().getId()).append("), ").append(i.durationMinutes()).append(" min");
        if (i.meetingLink() != null && !i.meetingLink().isBlank()) {
            text.append("\n").append(i.meetingLink());
        }
        if (i.description() != null && !i.description().isBlank()) {
            text.append("\n\n").append(i.description());
        }
        return text.toString();
    }

    private static URI mailto(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            return null;
        }
        try {
            return new URI("mailto", email.strip(), null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static URI uri(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            return uri.getScheme() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
