package co.intowork.recruiter.board;

import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static co.intowork.recruiter.board.BoardFixture.ALPHA_JOB;
import static co.intowork.recruiter.board.BoardFixture.BETA_JOB;
import static co.intowork.recruiter.board.BoardFixture.exec;
import static co.intowork.recruiter.board.BoardFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The board's mapper and service as a client login under row-level security, on real PostgreSQL. */
class BoardServiceTest {

    private static BoardCard card(BoardService service, int jobId, ApplicationStatus status, int applicationId) {
        return service.page(jobId, status, null, 500).stream()
                .filter(c -> c.applicationId() == applicationId).findFirst().orElseThrow();
    }

    @Test
    void aMoveRecordsWhoMadeItAndNotifiesTheCandidateLikeThePlatformOnceTheUndoWindowHasPassed() {
        TestDatabase.Db db = BoardFixture.create("board_move", 0);
        SignedIn anne = BoardFixture.signIn(db, TwoCompanies.ANNE);
        BoardService service = new BoardService(anne);
        BoardCard chloe = card(service, ALPHA_JOB, ApplicationStatus.APPLIED, 101);
        assertThat(chloe.candidateName()).isEqualTo("Chloé Candidate");

        List<BoardCard> moved = service.move(ALPHA_JOB, List.of(new BoardService.Move(chloe, ApplicationStatus.VIEWED)));

        assertThat(moved).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ApplicationStatus.VIEWED);
            assertThat(c.version()).isEqualTo(chloe.version() + 1);
        });
        assertThat(rows(db, "SELECT status, version, viewed_at IS NOT NULL FROM public.job_applications WHERE id = 101"))
                .containsExactly("viewed|" + (chloe.version() + 1) + "|t");
        assertThat(rows(db, "SELECT from_status, to_status, changed_by, source FROM recruiter.application_status_events"
                + " WHERE application_id = 101 AND source <> 'insert'"))
                .containsExactly("applied|viewed|1|client");
        assertThat(rows(db, "SELECT count(*) FROM public.notifications WHERE related_application_id = 101"))
                .as("within the undo window").containsExactly("0");
        BoardFixture.windowsPassAndDeliver(db);
        assertThat(rows(db, "SELECT user_id, type, title, message, related_job_id, related_application_id, is_read"
                + " FROM public.notifications WHERE related_application_id = 101"))
                .containsExactly("6|STATUS_CHANGE|👁️ Votre candidature a été vue|Votre candidature pour le poste de "
                        + "Alpha engineer a été mise à jour: vue par le recruteur|11|101|f");
        // the card's days in status now count from the move
        BoardCard after = card(service, ALPHA_JOB, ApplicationStatus.VIEWED, 101);
        assertThat(after.statusSince()).isAfter(chloe.statusSince());
    }

    @Test
    void everyStatusGetsThePlatformsFrenchTitle() {
        TestDatabase.Db db = BoardFixture.create("board_titles", 0);
        BoardService service = new BoardService(BoardFixture.signIn(db, TwoCompanies.ANNE));
        ApplicationStatus[] path = {ApplicationStatus.VIEWED, ApplicationStatus.SHORTLISTED,
                ApplicationStatus.INTERVIEW, ApplicationStatus.ACCEPTED};
        BoardCard current = card(service, ALPHA_JOB, ApplicationStatus.APPLIED, 101);
        // each move told once its window has passed (moves within one window would be one message)
        for (ApplicationStatus to : path) {
            current = service.move(ALPHA_JOB, List.of(new BoardService.Move(current, to))).get(0);
            BoardFixture.windowsPassAndDeliver(db);
        }
        current = service.move(ALPHA_JOB, List.of(new BoardService.Move(current, ApplicationStatus.SHORTLISTED))).get(0);
        BoardFixture.windowsPassAndDeliver(db);
        service.move(ALPHA_JOB, List.of(new BoardService.Move(current, ApplicationStatus.REJECTED)));
        BoardFixture.windowsPassAndDeliver(db);
        service.move(ALPHA_JOB, List.of(new BoardService.Move(
                card(service, ALPHA_JOB, ApplicationStatus.REJECTED, 101), ApplicationStatus.APPLIED)));
        BoardFixture.windowsPassAndDeliver(db);
        assertThat(rows(db, "SELECT title FROM public.notifications WHERE related_application_id = 101 ORDER BY id"))
                .containsExactly("👁️ Votre candidature a été vue", "⭐ Vous avez été présélectionné(e)",
                        "🎯 Vous êtes convoqué(e) en entretien", "🎉 Félicitations! Votre candidature a été acceptée",
                        "⭐ Vous avez été présélectionné(e)", "❌ Votre candidature n'a pas été retenue",
                        "📬 Mise à jour de votre candidature");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        TestDatabase.Db db = BoardFixture.create("board_stale", 0);
        BoardService service = new BoardService(BoardFixture.signIn(db, TwoCompanies.ANNE));
        BoardCard chloe = card(service, ALPHA_JOB, ApplicationStatus.APPLIED, 101);
        // Albert moves it meanwhile
        BoardService albert = new BoardService(BoardFixture.signIn(db, "albert@alpha.example"));
        albert.move(ALPHA_JOB, List.of(new BoardService.Move(chloe, ApplicationStatus.SHORTLISTED)));
        List<String> before = rows(db, "SELECT status, version FROM public.job_applications WHERE id = 101");

        assertThatThrownBy(() -> service.move(ALPHA_JOB, List.of(new BoardService.Move(chloe, ApplicationStatus.REJECTED))))
                .isInstanceOfSatisfying(MoveConflictException.class, e -> {
                    assertThat(e.gone()).isEmpty();
                    assertThat(e.current()).singleElement().satisfies(s -> {
                        assertThat(s.card().status()).isEqualTo(ApplicationStatus.SHORTLISTED);
                        assertThat(s.changedBy()).isEqualTo("Albert Alpha");
                        assertThat(s.source()).isEqualTo("client");
                        assertThat(s.changedAt()).isNotNull();
                    });
                });
        assertThat(rows(db, "SELECT status, version FROM public.job_applications WHERE id = 101")).isEqualTo(before);
        assertThat(rows(db, "SELECT count(*) FROM public.notifications WHERE related_application_id = 101"
                + " AND title LIKE '❌%'")).containsExactly("0");
    }

    @Test
    void aBulkMoveIsAllOrNothing() {
        TestDatabase.Db db = BoardFixture.create("board_bulk", 0);
        BoardService bruno = new BoardService(BoardFixture.signIn(db, TwoCompanies.BRUNO));
        BoardCard claude = card(bruno, BETA_JOB, ApplicationStatus.APPLIED, 201);
        BoardCard camille = card(bruno, BETA_JOB, ApplicationStatus.SHORTLISTED, 202);
        exec(db, "UPDATE public.job_applications SET notes = 'changed on the website' WHERE id = 202");

        assertThatThrownBy(() -> bruno.move(BETA_JOB, List.of(new BoardService.Move(claude, ApplicationStatus.REJECTED),
                new BoardService.Move(camille, ApplicationStatus.REJECTED))))
                .isInstanceOfSatisfying(MoveConflictException.class, e -> assertThat(e.current())
                        .extracting(s -> s.card().applicationId()).containsExactly(202));
        assertThat(rows(db, "SELECT id, status FROM public.job_applications WHERE job_id = 21 ORDER BY id"))
                .containsExactly("201|applied", "202|shortlisted");
        assertThat(rows(db, "SELECT count(*) FROM recruiter.application_status_events WHERE source = 'client'"))
                .containsExactly("0");

        // with fresh versions, both move in one go
        List<BoardCard> moved = bruno.move(BETA_JOB, List.of(
                new BoardService.Move(card(bruno, BETA_JOB, ApplicationStatus.APPLIED, 201), ApplicationStatus.REJECTED),
                new BoardService.Move(card(bruno, BETA_JOB, ApplicationStatus.SHORTLISTED, 202), ApplicationStatus.REJECTED)));
        assertThat(moved).hasSize(2);
        BoardFixture.windowsPassAndDeliver(db);
        assertThat(rows(db, "SELECT count(*) FROM public.notifications WHERE related_job_id = 21")).containsExactly("2");
    }

    @Test
    void aHiringManagerMovesApplicationsOnTheirJobOnly() {
        TestDatabase.Db db = BoardFixture.create("board_manager", 0);
        BoardService hugo = new BoardService(BoardFixture.signIn(db, TwoCompanies.HUGO));
        assertThat(hugo.header(ALPHA_JOB).counts().get(ApplicationStatus.APPLIED)).isEqualTo(1);
        assertThat(hugo.jobChoices()).extracting(JobChoice::id).containsExactly(ALPHA_JOB);
        // the chooser's search keeps to the jobs one may open: "Beta engineer" is another company's
        assertThat(hugo.jobChoices("engineer")).extracting(JobChoice::id).containsExactly(ALPHA_JOB);
        assertThat(hugo.jobChoices("accountant")).isEmpty();
        hugo.move(ALPHA_JOB, List.of(new BoardService.Move(card(hugo, ALPHA_JOB, ApplicationStatus.APPLIED, 101),
                ApplicationStatus.INTERVIEW)));
        assertThat(rows(db, "SELECT to_status, changed_by, source FROM recruiter.application_status_events"
                + " WHERE application_id = 101 AND source = 'client'")).containsExactly("interview|4|client");

        assertThatThrownBy(() -> hugo.header(12)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("does not exist any more or you may not see it");
        // another company's application cannot be moved even with the right id and version
        BoardService bruno = new BoardService(BoardFixture.signIn(db, TwoCompanies.BRUNO));
        BoardCard foreign = new BoardCard(101, 2, ApplicationStatus.INTERVIEW, "x", null, null, null, null);
        assertThatThrownBy(() -> bruno.move(ALPHA_JOB, List.of(new BoardService.Move(foreign, ApplicationStatus.REJECTED))))
                .isInstanceOfSatisfying(MoveConflictException.class, e -> assertThat(e.gone()).containsExactly(101));
        assertThat(rows(db, "SELECT status FROM public.job_applications WHERE id = 101")).containsExactly("interview");
    }

    @Test
    void pagesWalkAColumnNewestFirstWithoutGapsOrRepeats() {
        TestDatabase.Db db = BoardFixture.create("board_pages", 400);
        // equal dates must not lose cards at page edges
        exec(db, "UPDATE public.job_applications SET applied_at = date_trunc('day', applied_at) WHERE job_id = 11");
        BoardService service = new BoardService(BoardFixture.signIn(db, TwoCompanies.ANNE));
        BoardHeader header = service.header(ALPHA_JOB);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            List<BoardCard> all = new ArrayList<>();
            BoardCard after = null;
            List<BoardCard> page;
            do {
                page = service.page(ALPHA_JOB, status, after, 7);
                all.addAll(page);
                after = page.isEmpty() ? after : page.get(page.size() - 1);
            } while (page.size() == 7);
            assertThat(all).hasSize(header.counts().get(status).intValue());
            assertThat(new HashSet<>(all.stream().map(BoardCard::applicationId).toList())).hasSize(all.size());
            assertThat(all).isSortedAccordingTo(BoardCard::newestFirst);
        }
        assertThat(header.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(401);
    }
}
