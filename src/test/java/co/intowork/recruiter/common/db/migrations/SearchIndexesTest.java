package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.common.db.admin.DoctorService;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** The full-text and trigram searches find what a recruiter types, and the queries use the indexes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexesTest {
    /** The exact expression a job search must use to hit ix_jobs_company_search_document (with a company). */
    static final String JOB_SEARCH =
            "recruiter.job_search_document(j.title, j.description) @@ recruiter.search_query(?)";

    private TestDatabase.Db db;

    @BeforeAll
    void migrate() throws SQLException {
        db = MigratedDatabases.migratedWithBasicRows("search");
        try (Connection c = db.superuser().getConnection()) {
            // enough rows that the planner has a choice
            exec(c, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type, location_type,"
                    + " status, posted_at) SELECT 1, 1, 'Poste générique ' || g, 'Description ' || g, 'full_time',"
                    + " 'on_site', 'published', now() - (g || ' minutes')::interval FROM generate_series(1, 3000) g");
            exec(c, "ANALYZE");
        }
    }

    private static List<String> jobsMatching(Connection c, String query) throws SQLException {
        return strings(c, "SELECT j.title FROM public.jobs j WHERE " + JOB_SEARCH + " ORDER BY j.id", query);
    }

    private static String plan(Connection c, String sql, Object... params) throws SQLException {
        exec(c, "SET enable_seqscan = off");
        try {
            return String.join("\n", strings(c, "EXPLAIN " + sql, params));
        } finally {
            exec(c, "RESET enable_seqscan");
        }
    }

    @Test
    void jobSearchMatchesFrenchAndEnglishWithoutAccents() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(jobsMatching(c, "developpeur")).containsExactly("Développeur Java senior");
            assertThat(jobsMatching(c, "Développeurs")).containsExactly("Développeur Java senior");
            assertThat(jobsMatching(c, "ingénieurs")).containsExactly("Développeur Java senior");
            assertThat(jobsMatching(c, "software engineers")).containsExactly("Développeur Java senior");
            assertThat(jobsMatching(c, "comptabilite")).containsExactly("Comptable");
            assertThat(jobsMatching(c, "java -comptable")).containsExactly("Développeur Java senior");
            assertThat(plan(c, "SELECT j.id FROM public.jobs j WHERE j.company_id = 1 AND " + JOB_SEARCH,
                    "comptable")).contains("ix_jobs_company_search_document");
        }
    }

    @Test
    void titleSubstringSearchUsesTheTrigramIndex() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            // the platform's own search: title ILIKE '%...%'
            assertThat(strings(c, "SELECT title FROM public.jobs WHERE title ILIKE ?", "%veloppeur java%"))
                    .containsExactly("Développeur Java senior");
            assertThat(plan(c, "SELECT id FROM public.jobs WHERE title ILIKE '%veloppeur java%'"))
                    .contains("ix_jobs_title_trgm");
        }
    }

    @Test
    void fuzzyNameSearchFindsPeopleDespiteAccentsAndTypos() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            String byName = "SELECT u.first_name || ' ' || u.last_name FROM public.users u"
                    + " WHERE recruiter.person_name_key(u.first_name, u.last_name)"
                    + " ILIKE '%' || recruiter.fold_text(?) || '%'";
            assertThat(strings(c, byName, "elodie ngu")).containsExactly("Élodie Nguema");
            assertThat(strings(c, byName, "AICHA")).containsExactly("Aïcha Diallo");
            assertThat(strings(c, "SELECT u.first_name || ' ' || u.last_name FROM public.users u"
                    + " WHERE recruiter.person_name_key(u.first_name, u.last_name) OPERATOR(recruiter.%)"
                    + " recruiter.fold_text(?)", "Elodi Ngema")).containsExactly("Élodie Nguema");
            assertThat(plan(c, "SELECT u.id FROM public.users u WHERE recruiter.person_name_key(u.first_name,"
                    + " u.last_name) ILIKE '%nguema%'")).contains("ix_users_name_trgm");
        }
    }

    /** Rows of recruiter.candidate_search_terms that differ from the documents' lexemes, either way. */
    private static long candidateTermsDrift(Connection c) throws SQLException {
        String truth = "SELECT s.candidate_id, l.lexeme FROM recruiter.candidate_search s, unnest(s.document) l";
        String kept = "SELECT t.candidate_id, t.term FROM recruiter.candidate_search_terms t";
        return count(c, "SELECT count(*) FROM ((" + truth + " EXCEPT " + kept + ") UNION ALL (" + kept + " EXCEPT "
                + truth + ")) d");
    }

    @Test
    void candidateSearchFollowsThePlatformsWrites() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            String search = "SELECT s.candidate_id FROM recruiter.candidate_search s"
                    + " JOIN public.candidates c ON c.id = s.candidate_id"
                    + " WHERE s.document @@ recruiter.search_query(?) AND c.deleted_at IS NULL ORDER BY 1";
            assertThat(strings(c, search, "postgresql")).containsExactly("1");
            assertThat(strings(c, search, "développeuse")).containsExactly("1");
            assertThat(strings(c, search, "comptable")).containsExactly("2");
            assertThat(strings(c, search, "nguema")).containsExactly("1");

            exec(c, "INSERT INTO public.skills (candidate_id, name, level, category) VALUES (3, 'PostgreSQL', 2, 'TECHNICAL')");
            assertThat(strings(c, search, "postgresql")).containsExactly("1", "3");
            exec(c, "UPDATE public.users SET last_name = 'Mbadinga' WHERE id = 2");
            assertThat(strings(c, search, "nguema")).isEmpty();
            assertThat(strings(c, search, "mbadinga")).containsExactly("1");
            exec(c, "UPDATE public.candidates SET title = 'Architecte logiciel' WHERE id = 2");
            assertThat(strings(c, search, "architecte")).containsExactly("2");
            exec(c, "DELETE FROM public.skills WHERE candidate_id = 3 AND name = 'PostgreSQL'");
            assertThat(strings(c, search, "postgresql")).containsExactly("1");
            exec(c, "UPDATE public.candidates SET deleted_at = now() WHERE id = 1");
            assertThat(strings(c, search, "postgresql")).isEmpty();
            exec(c, "UPDATE public.candidates SET deleted_at = NULL WHERE id = 1");

            // a new candidate, and its deletion by the platform
            exec(c, "INSERT INTO public.users (id, email, role, first_name, last_name) VALUES"
                    + " (60, 'new@example.com', 'CANDIDATE', 'Ngozi', 'Okafor')");
            exec(c, "INSERT INTO public.candidates (id, user_id, title) VALUES (60, 60, 'Infirmière')");
            assertThat(strings(c, search, "infirmiere okafor")).containsExactly("60");
            // V61's rows per lexeme followed every one of these writes
            assertThat(candidateTermsDrift(c)).isZero();
            assertThat(strings(c, "SELECT term FROM recruiter.candidate_search_terms WHERE candidate_id = 60"
                    + " AND term IN ('infirmier', 'okafor')")).containsExactlyInAnyOrder("infirmier", "okafor");
            exec(c, "DELETE FROM public.candidates WHERE id = 60");
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_search WHERE candidate_id = 60")).isZero();
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_search_terms WHERE candidate_id = 60"))
                    .isZero();
            assertThat(candidateTermsDrift(c)).isZero();
            // each row's score is what ts_rank gives the document for that lexeme alone
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_search_terms t"
                    + " JOIN recruiter.candidate_search s ON s.candidate_id = t.candidate_id"
                    + " WHERE t.score <> ts_rank(s.document, to_tsquery('simple', t.term))"
                    + " AND t.term ~ '^[a-z]+$'")).isZero();
            assertThat(plan(c, "SELECT candidate_id FROM recruiter.candidate_search WHERE document @@"
                    + " recruiter.search_query('comptable')")).contains("ix_candidate_search_document");
        }
    }

    @Test
    void theClientsListQueriesUseTheirIndexes() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(plan(c, "SELECT id FROM public.job_applications WHERE job_id = 1 AND status = 'applied'"
                    + " AND deleted_at IS NULL ORDER BY applied_at DESC")).contains("ix_job_applications_board");
            assertThat(plan(c, "SELECT id FROM public.notifications WHERE user_id = 2 AND is_read IS NOT TRUE"
                    + " ORDER BY created_at DESC LIMIT 20")).containsAnyOf("ix_notifications_user_unread",
                    "ix_notifications_user_created");
            // the pipeline's status tab, in its order (V37)
            assertThat(plan(c, "SELECT id FROM public.jobs WHERE company_id = 1 AND status = 'published'"
                    + " AND deleted_at IS NULL ORDER BY posted_at DESC NULLS FIRST, id DESC LIMIT 20"))
                    .containsAnyOf("ix_jobs_company_status", "ix_jobs_company_posted");
            assertThat(plan(c, "SELECT id FROM public.jobs WHERE employer_id = 1 AND status = 'draft'"))
                    .contains("ix_jobs_employer_status");
        }
    }

    @Test
    void everyIndexOfTheMigrationsIsListedForDoctorAndValid() throws SQLException {
        String nonKeyIndexes = "SELECT n.nspname || '.' || c.relname FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname IN ('public', 'recruiter') AND NOT i.indisprimary AND i.indisvalid"
                + " AND c.relname NOT LIKE 'flyway\\_%' ORDER BY 1";
        TestDatabase.Db v1 = MigratedDatabases.migratedTo("search_v1", "1");
        List<String> platform;
        try (Connection c = v1.superuser().getConnection()) {
            platform = strings(c, nonKeyIndexes);
        }
        List<String> ours;
        try (Connection c = db.superuser().getConnection()) {
            ours = strings(c, nonKeyIndexes).stream().filter(n -> !platform.contains(n)).toList();
        }
        assertThat(Set.copyOf(ours)).isEqualTo(DoctorService.expectedIndexes());
    }
}
