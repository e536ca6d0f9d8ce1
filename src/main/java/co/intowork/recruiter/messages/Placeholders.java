package co.intowork.recruiter.messages;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} placeholders in a template's subject and body. The names are fixed identifiers (the same in every
 * language, so a template written in French works for an English screen): the application's values come from
 * {@link #of(MessageContext, String, String)}, and a caller adds its own ({@code interview_time}, filled by whoever
 * schedules the interview) with {@link #with}. A placeholder with no value is left as typed, so the preview shows
 * it and sending can refuse it.
 */
public final class Placeholders {
    public static final String CANDIDATE_NAME = "candidate_name";
    public static final String CANDIDATE_FIRST_NAME = "candidate_first_name";
    public static final String JOB_TITLE = "job_title";
    public static final String COMPANY = "company_name";
    public static final String RECRUITER = "recruiter_name";
    public static final String REASON = "reason";
    public static final String INTERVIEW_TIME = "interview_time";

    /** Offered in the editor, in this order; any other name a caller supplies works too. */
    public static final List<String> KNOWN = List.of(CANDIDATE_NAME, CANDIDATE_FIRST_NAME, JOB_TITLE, COMPANY,
            RECRUITER, REASON, INTERVIEW_TIME);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Placeholders none() {
        return new Placeholders(Map.of());
    }

    /** The application's values, and the sender's name. {@code reason}: a rejection's reason, or null. */
    public static Placeholders of(MessageContext context, String recruiterName, String reason) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, CANDIDATE_NAME, context.candidateName());
        put(v, CANDIDATE_FIRST_NAME, context.firstName());
        put(v, JOB_TITLE, context.jobTitle());
        put(v, COMPANY, context.companyName());
        put(v, RECRUITER, recruiterName);
        put(v, REASON, reason);
        return new Placeholders(v);
    }

    /** These values too (a caller's own placeholders, e.g. {@link #INTERVIEW_TIME}); they win over the same name. */
    public Placeholders with(Map<String, String> more) {
        Map<String, String> v = new LinkedHashMap<>(values);
        more.forEach((k, value) -> put(v, k, value));
        return new Placeholders(v);
    }

    private static void put(Map<String, String> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value);
        }
    }

    public String fill(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders of {@code text} that have no value here, in order of appearance. */
    public Set<String> missing(String text) {
        Set<String> missing = new LinkedHashSet<>();
        if (text == null) {
            return missing;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }

    /** How a placeholder is typed in a template. */
    public static String token(String name) {
        return "{{" + name + "}}";
    }
}
