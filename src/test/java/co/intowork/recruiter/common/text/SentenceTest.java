package co.intowork.recruiter.common.text;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.ui.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences named below the UI read exactly as the bundle words them, in the language in force when read. */
class SentenceTest {
    private final Locale before = Messages.locale();

    @AfterEach
    void restoreLanguage() {
        Messages.use(before);
    }

    @Test
    void aSentenceReadsAsTheBundleWordsIt() {
        for (Locale language : new Locale[]{Locale.UK, Locale.FRANCE}) {
            Messages.use(language);
            assertThat(Sentence.of("sync.copy.rebuilt", 2, 1)).hasToString(Messages.format("sync.copy.rebuilt", 2, 1));
            // a sentence as an argument reads as its own wording, as the nested Messages calls did
            assertThat(Sentence.of("pipeline.move.refused", Sentence.of("pipeline.status.draft"),
                    Sentence.of("pipeline.status.archived")))
                    .hasToString(Messages.format("pipeline.move.refused", Messages.text("pipeline.status.draft"),
                            Messages.text("pipeline.status.archived")));
            assertThat(Sentence.joined(Sentence.of("sync.copy.rebuilt", 0, 3), Sentence.of("sync.copy.keptAside", "/x")))
                    .hasToString(Messages.format("sync.copy.rebuilt", 0, 3) + " "
                            + Messages.format("sync.copy.keptAside", "/x"));
        }
        assertThat(Sentence.literal("As it is.")).hasToString("As it is.");
    }

    @Test
    void aFailureIsWordedWhenItIsRead() {
        Messages.use(Locale.UK);
        UserFacingException failure = SqlErrors.translate(new SQLException("canceling statement", "55P03"));
        assertThat(failure.getMessage()).isEqualTo(Messages.text("error.locked"));
        Messages.use(Locale.FRANCE);
        assertThat(failure.getMessage()).isEqualTo(Messages.text("error.locked")).contains("Quelqu'un");
        assertThat(SqlErrors.describe(failure)).isEqualTo(failure.getMessage());
    }

    @Test
    void theUiProvidesTheWording() {
        assertThat(Wording.current()).isInstanceOf(co.intowork.recruiter.common.ui.MessagesWording.class);
    }
}
