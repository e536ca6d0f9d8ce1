package co.intowork.recruiter.sync;

import java.util.List;

/** The tables a slice copies, by qualified name; the only identifiers ever spliced into sync SQL. */
enum SliceTable {
    JOBS("public.jobs"),
    EMPLOYERS("public.employers"),
    COMPANIES("public.companies"),
    USERS("public.users"),
    APPLICATIONS("public.job_applications"),
    EVENTS("recruiter.application_status_events"),
    CANDIDATES("public.candidates"),
    EXPERIENCES("public.experiences"),
    EDUCATIONS("public.educations"),
    SKILLS("public.skills"),
    CANDIDATE_CVS("public.candidate_cvs");

    private final String qualified;

    SliceTable(String qualified) {
        this.qualified = qualified;
    }

    String qualified() {
        return qualified;
    }

    /** The unqualified public table name, for statements that name the schema themselves. */
    String bare() {
        return qualified.substring(qualified.indexOf('.') + 1);
    }

    static List<SliceTable> profileTables() {
        return List.of(EXPERIENCES, EDUCATIONS, SKILLS, CANDIDATE_CVS);
    }
}
