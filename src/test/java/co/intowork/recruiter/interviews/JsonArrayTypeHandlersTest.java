package co.intowork.recruiter.interviews;

import co.intowork.recruiter.board.TagsTypeHandler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two jsonb array columns read through common.db.JsonArrayTypeHandler: whatever the platform or a hand stored,
 * a read gives what can be shown and never fails. No database: the column's text as pgjdbc hands it over.
 */
class JsonArrayTypeHandlersTest {
    @Test
    void tagsAreTheArraysNonBlankStringsOrASingleString() {
        assertThat(TagsTypeHandler.parse("[\"bilingue\", \"\", 3, null, {\"a\": 1}, \"senior\"]"))
                .containsExactly("bilingue", "senior");
        assertThat(TagsTypeHandler.parse("\"à recontacter\"")).containsExactly("à recontacter");
        for (String nothing : new String[] {null, "", "  ", "null", "{\"tags\": [\"x\"]}", "42", "\" \"", "[not json"}) {
            assertThat(TagsTypeHandler.parse(nothing)).as(nothing).isEmpty();
        }
        // read-only, as the board and the review hand them on
        List<String> tags = TagsTypeHandler.parse("[\"x\"]");
        assertThatThrownBy(() -> tags.add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void interviewersAreTheObjectsWithAnIntegralUserId() {
        List<Interviewer> found = InterviewersTypeHandler.parse("[{\"user_id\": 1, \"name\": \"Anne Alpha\","
                + " \"email\": \"anne@alpha.example\"}, {\"user_id\": 2, \"name\": \" \", \"email\": \"albert@alpha.example\"},"
                + " {\"user_id\": \"3\", \"name\": \"as text\"}, {\"user_id\": 4.5}, {\"name\": \"no id\"}, 7, \"x\","
                + " {\"user_id\": 5}]");
        assertThat(found).extracting(Interviewer::userId).containsExactly(1, 2, 5);
        // no name: the address
        assertThat(found).extracting(Interviewer::name).containsExactly("Anne Alpha", "albert@alpha.example", "");
        for (String nothing : new String[] {null, "", "  ", "null", "{\"user_id\": 1}", "\"x\"", "[not json"}) {
            assertThat(InterviewersTypeHandler.parse(nothing)).as(nothing).isEmpty();
        }
        assertThatThrownBy(() -> new InterviewersTypeHandler().setNonNullParameter(null, 1, found, null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
