package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.Authenticator;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.SessionExpiredException;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.common.tasks.TaskRunner;
import co.intowork.recruiter.sync.CopyDamage;
import co.intowork.recruiter.sync.Replica;
import co.intowork.recruiter.sync.SyncCounts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The main window's parts on their own: no database, no FX toolkit, time moved by hand. */
class MainViewModelPartsTest {
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final List<String> seen = new ArrayList<>();

    private static SignedIn hugo() {
        SignedInUser hugo = new SignedInUser(4, "hugo@alpha.example", "Hugo", "Manager", null, null,
                "hiring_manager", OffsetDateTime.now().plusHours(8), 1);
        return new SignedIn(hugo, new UnitOfWork(null, () -> false), new ImmediateTaskRunner());
    }

    @Nested
    class NavigationPart {
        private final AtomicBoolean enabled = new AtomicBoolean(false);
        private final Navigation navigation = new Navigation(List.of(Section.values()), enabled::get);

        @Test
        void aSectionIsChosenOnlyWhileTheWorkspaceMayBeUsedAndSigningOutGoesBackToTheFirst() {
            assertThat(navigation.sectionProperty().get()).isEqualTo(Section.PIPELINE);
            navigation.select(Section.BOARD);
            assertThat(navigation.sectionProperty().get()).as("nobody signed in").isEqualTo(Section.PIPELINE);
            enabled.set(true);
            navigation.select(Section.BOARD);
            assertThat(navigation.sectionProperty().get()).isEqualTo(Section.BOARD);
            navigation.reset();
            assertThat(navigation.sectionProperty().get()).isEqualTo(Section.PIPELINE);
        }

        @Test
        void aSectionOutsideTheNavigationIsNeverChosen() {
            Navigation some = new Navigation(List.of(Section.INBOX, Section.SYNC), () -> true);
            some.select(Section.BOARD);
            assertThat(some.sectionProperty().get()).isEqualTo(Section.INBOX);
            assertThatThrownBy(() -> new Navigation(List.of(), () -> true)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theShortcutListTogglesAndHides() {
            navigation.toggleHelp();
            assertThat(navigation.helpVisibleProperty().get()).isTrue();
            navigation.toggleHelp();
            assertThat(navigation.helpVisibleProperty().get()).isFalse();
            navigation.toggleHelp();
            navigation.hideHelp();
            navigation.hideHelp();
            assertThat(navigation.helpVisibleProperty().get()).isFalse();
        }
    }

    @Nested
    class SessionRetryPart {
        private final List<Throwable> ended = new ArrayList<>();
        private final SessionRetry retry = new SessionRetry(tasks, ended::add);
        private final AtomicInteger calls = new AtomicInteger();

        /** Work that the database refuses once, as when the session ended, and then does. */
        private void runRefusedOnce() {
            retry.run(() -> {
                if (calls.incrementAndGet() == 1) {
                    throw new SessionExpiredException("Your session has ended. Sign in again to carry on.", null);
                }
                return "done";
            }, seen::add, failure -> seen.add("failed: " + failure.getMessage()));
        }

        @Test
        void workRefusedBecauseTheSessionEndedAsksAgainAndRunsAgainForTheSamePerson() {
            runRefusedOnce();
            assertThat(ended).singleElement().extracting(Throwable::getMessage).asString().contains("session has ended");
            assertThat(retry.waiting()).isTrue();
            assertThat(seen).as("neither success nor failure yet").isEmpty();
            retry.signedInAgain(true);
            assertThat(seen).containsExactly("done");
            assertThat(retry.waiting()).isFalse();
            retry.signedInAgain(true);
            assertThat(calls).as("ran again once").hasValue(2);
        }

        @Test
        void someoneElseSigningInDropsTheWaitingWork() {
            runRefusedOnce();
            retry.signedInAgain(false);
            assertThat(seen).isEmpty();
            assertThat(calls).hasValue(1);
            assertThat(retry.waiting()).isFalse();
        }

        @Test
        void signingOutForgetsTheWaitingWork() {
            runRefusedOnce();
            retry.forget();
            retry.signedInAgain(true);
            assertThat(calls).hasValue(1);
        }

        @Test
        void otherFailuresGoToTheWorksOwnHandler() {
            retry.<String>run(() -> {
                throw new UserFacingException("The job was deleted meanwhile.");
            }, seen::add, failure -> seen.add("failed: " + failure.getMessage()));
            assertThat(seen).containsExactly("failed: The job was deleted meanwhile.");
            assertThat(ended).isEmpty();
            assertThat(retry.waiting()).isFalse();
        }

        @Test
        void theScreensTaskRunnerGoesThroughTheRetryAndKeepsTheClock() {
            TaskRunner screens = retry.asTaskRunner();
            screens.<String>run(() -> {
                throw new SessionExpiredException("ended", null);
            }, seen::add, failure -> seen.add("failed"));
            assertThat(retry.waiting()).isTrue();
            screens.every(Duration.ofMinutes(1), () -> seen.add("tick"));
            tasks.advance(Duration.ofMinutes(1));
            assertThat(seen).containsExactly("tick");
        }
    }

    @Nested
    class PersonalCopyPart {
        private final List<String> remembered = new ArrayList<>();
        private final AtomicInteger opened = new AtomicInteger();
        private final List<String> closed = new ArrayList<>();

        private final OfflineCopy copies = new OfflineCopy() {
            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public Replica.Lazy lazy() {
                // no real copy: opening counts, and gives no database
                return Replica.Lazy.of(() -> {
                    opened.incrementAndGet();
                    return null;
                });
            }

            @Override
            public void wipe() {
            }

            @Override
            public Startup.Outcome open(Consumer<String> progress) {
                throw new IllegalStateException();
            }

            @Override
            public RuntimeException examine(RuntimeException failure, Replica.Lazy copy) {
                return new UserFacingException("examined " + (copy != null));
            }

            @Override
            public CopyDamage.Rebuilt rebuild(Replica.Lazy copy) {
                closed.add("rebuilt");
                return null;
            }
        };

        private final PersonalCopy copy = new PersonalCopy(copies, password -> "verifier-of-" + password,
                (db, who, verifier) -> remembered.add(who.user().email() + " " + verifier));

        @Test
        void theCopyOpensOnFirstUseAndKeepsTheVerifierOfThePasswordOnce() {
            copy.passwordAccepted("s3cret");
            assertThat(copy.newPerson(true)).as("nobody before").isNull();
            assertThat(opened).as("not before it is used").hasValue(0);
            var database = copy.database(hugo());
            database.get();
            assertThat(opened).hasValue(1);
            assertThat(remembered).containsExactly("hugo@alpha.example verifier-of-s3cret");
            database.get();
            assertThat(remembered).as("kept once").hasSize(1);
        }

        @Test
        void offlineThereIsNoPersonalCopyAndNobodySignedInGetsNone() {
            copy.newPerson(false);
            assertThatThrownBy(() -> copy.database(hugo()).get()).hasMessageContaining("Nobody is signed in");
            copy.newPerson(true);
            assertThatThrownBy(() -> copy.database(null).get()).hasMessageContaining("Nobody is signed in");
            copy.newPerson(false);
            assertThatThrownBy(() -> copy.repair().rebuild()).as("offline the copy is the window's database")
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void releasingHandsTheCopyOverAndForgetsTheVerifier() {
            copy.passwordAccepted("s3cret");
            copy.newPerson(true);
            Replica.Lazy released = copy.release();
            assertThat(released).isNotNull();
            assertThat(copy.release()).isNull();
            copy.newPerson(true);
            copy.database(hugo()).get();
            assertThat(remembered).as("the released person's verifier is gone").isEmpty();
        }

        @Test
        void aNewPersonHandsBackThePreviousCopyToClose() {
            copy.newPerson(true);
            Replica.Lazy first = copy.release();
            copy.newPerson(true);
            Replica.Lazy second = copy.newPerson(true);
            assertThat(second).isNotNull().isNotSameAs(first);
        }

        @Test
        void theRepairWorksOnThisPersonsCopy() {
            copy.newPerson(true);
            assertThat(copy.repair().examine(new RuntimeException("broken"))).hasMessage("examined true");
            copy.repair().rebuild();
            assertThat(closed).containsExactly("rebuilt");
        }
    }

    @Nested
    class OfflineModePart {
        private final OfflineMode mode = new OfflineMode(tasks);
        private final AtomicBoolean serverUp = new AtomicBoolean(false);
        private final Startup.Offline off = new Startup.Offline("Connection refused", 2, Duration.ofDays(14),
                serverUp::get);

        @Test
        void onTheServerThereIsNothingToLookFor() {
            mode.opened(null);
            assertThat(mode.active()).isFalse();
            mode.checkServer(false);
            assertThat(mode.serverAnswersProperty().get()).isFalse();
        }

        @Test
        void offlineTheLookNoticesTheServerComingBackButNotWhileBusy() {
            mode.opened(off);
            assertThat(mode.active()).isTrue();
            assertThat(mode.notice()).contains("2 jobs").contains("14 days");
            serverUp.set(true);
            mode.checkServer(true);
            assertThat(mode.serverAnswersProperty().get()).as("busy: no look").isFalse();
            mode.checkServer(false);
            assertThat(mode.serverAnswersProperty().get()).isTrue();
            mode.opened(off);
            assertThat(mode.serverAnswersProperty().get()).as("a new database: not known yet").isFalse();
            mode.left();
            assertThat(mode.offlineProperty().get()).isNull();
        }

        @Test
        void aFailedLookIsNotAnAnswer() {
            mode.opened(new Startup.Offline("x", 1, Duration.ofDays(14), () -> {
                throw new IllegalStateException("no network");
            }));
            mode.checkServer(false);
            assertThat(mode.serverAnswersProperty().get()).isFalse();
        }

        @Test
        void theHomeLineSaysWhereThePersonWorks() {
            SignedInUser hugo = hugo().user();
            assertThat(OfflineMode.summary(true, hugo, 1)).contains("Working offline on 1 job");
            assertThat(OfflineMode.summary(false, hugo, 1)).isEqualTo("You can see 1 job.");
        }
    }

    @Nested
    class ShutdownPart {
        private final Shutdown shutdown = new Shutdown(tasks);

        private Authenticator auth(boolean signedIn, RuntimeException onSignOut) {
            return new Authenticator() {
                @Override
                public SignedInUser signIn(String email, String password) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public long visibleJobCount(SignedInUser user) {
                    return 0;
                }

                @Override
                public void signOut() {
                    seen.add("signed out");
                    if (onSignOut != null) {
                        throw onSignOut;
                    }
                }

                @Override
                public boolean isSignedIn() {
                    return signedIn;
                }
            };
        }

        private Replica.Lazy openCopy() {
            // a copy that was never opened closes without a database
            return Replica.Lazy.of(() -> null);
        }

        @Test
        void theSessionEndsBeforeTheDatabaseCloses() {
            shutdown.close(openCopy(), auth(true, null), () -> seen.add("forgotten"), () -> seen.add("closed"));
            assertThat(seen).containsExactly("signed out", "forgotten", "closed");
        }

        @Test
        void nobodySignedInClosesWithoutSigningOut() {
            shutdown.close(null, auth(false, null), () -> seen.add("forgotten"), () -> seen.add("closed"));
            assertThat(seen).containsExactly("forgotten", "closed");
        }

        @Test
        void aSignOutThatFailsStillClosesTheDatabase() {
            shutdown.close(null, auth(true, new UserFacingException("The server stopped answering.")),
                    () -> seen.add("forgotten"), () -> seen.add("closed"));
            assertThat(seen).containsExactly("signed out", "forgotten", "closed");
        }

        @Test
        void withNoDatabaseOnlyTheCopyCloses() {
            shutdown.close(openCopy(), auth(true, null), () -> seen.add("forgotten"), null);
            assertThat(seen).isEmpty();
        }
    }

    @Nested
    class SignOutQuestionPart {
        private final List<Boolean> signedOut = new ArrayList<>();
        private final AtomicBoolean copyOnDisk = new AtomicBoolean(false);
        private SyncCounts inCopy = new SyncCounts(0, 0, 0, 0);
        private RuntimeException unreadable;

        private final SignOutQuestion question = new SignOutQuestion(tasks, db -> {
            if (unreadable != null) {
                throw unreadable;
            }
            return inCopy;
        }, new SignOutQuestion.Copy() {
            @Override
            public boolean worthAsking() {
                return copyOnDisk.get();
            }

            @Override
            public java.util.function.Supplier<co.intowork.recruiter.common.db.Database> database() {
                return () -> null;
            }
        }, signedOut::add);

        @Test
        void withoutACopyOrUnsavedWorkItSignsOutAtOnceKeepingNothingToWipe() {
            question.ask(() -> false);
            assertThat(signedOut).containsExactly(false);
            assertThat(question.questionProperty().get()).isEmpty();
        }

        @Test
        void unsavedWorkIsAskedAboutFirstThenTheCopy() {
            copyOnDisk.set(true);
            inCopy = new SyncCounts(1, 3, 2, 0);
            question.ask(() -> true);
            assertThat(question.aboutUnsavedWorkProperty().get()).isTrue();
            assertThat(question.questionProperty().get()).contains("changes not saved yet");
            assertThat(signedOut).isEmpty();
            question.discardChanges();
            assertThat(question.aboutUnsavedWorkProperty().get()).isFalse();
            assertThat(question.questionProperty().get()).startsWith("2 changes made offline have not reached");
            question.confirm(true);
            assertThat(question.questionProperty().get()).isEmpty();
            assertThat(signedOut).containsExactly(true);
        }

        @Test
        void anEmptyCopyIsNotWorthAQuestionAndACopyWithJobsIs() {
            copyOnDisk.set(true);
            question.ask(() -> false);
            assertThat(signedOut).containsExactly(false);
            inCopy = new SyncCounts(2, 5, 0, 0);
            question.ask(() -> false);
            assertThat(question.questionProperty().get()).contains("Keep the offline copy");
            question.cancel();
            assertThat(question.questionProperty().get()).isEmpty();
            assertThat(signedOut).as("cancelled: still signed in").containsExactly(false);
        }

        @Test
        void aCopyThatCannotBeReadIsNeverOfferedForWiping() {
            copyOnDisk.set(true);
            unreadable = new IllegalStateException("someone else's copy");
            question.ask(() -> false);
            assertThat(question.questionProperty().get()).isEmpty();
            assertThat(signedOut).containsExactly(false);
        }
    }
}
