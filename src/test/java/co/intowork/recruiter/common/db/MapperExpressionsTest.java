package co.intowork.recruiter.common.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappers' dynamic SQL reads its parameters, records mostly, through OGNL. Written as a property
 * ({@code c.status}), OGNL looks a record's accessor up at every evaluation (OgnlRuntime.getReadMethod and
 * String.toLowerCase were the top frames of a pipeline page under JFR); written as a call ({@code c.status()}) it
 * is not looked up that way. The bench measured a modest gain (decision 0033).
 */
class MapperExpressionsTest {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(?:test|value)=\"([^\"]*)\"");
    /** Quoted text, and static references (@class@FIELD), which are no property reads. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|@[\\w.$]+@\\w+");
    private static final Pattern PROPERTY = Pattern.compile(
            "(?<![.\\w])[a-zA-Z_]\\w*(?:\\(\\))?(?:\\.[a-zA-Z_]\\w*\\(\\))*\\.(?!length\\b)([a-zA-Z_]\\w*)\\b(?!\\s*\\()");

    @Test
    void dynamicSqlCallsAccessorsInsteadOfReadingProperties() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("sql", "co"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Matcher attribute = ATTRIBUTE.matcher(Files.readString(file));
                while (attribute.find()) {
                    Matcher property = PROPERTY.matcher(QUOTED.matcher(attribute.group(1)).replaceAll("''"));
                    while (property.find()) {
                        found.add(file.getFileName() + ": " + property.group());
                    }
                }
            }
        }
        assertThat(found).as("OGNL property reads in test/value attributes (write them as calls)").isEmpty();
    }

    @Test
    void theCheckSeesAPropertyReadButNotCallsArrayLengthsOrStatics() {
        Matcher property = PROPERTY.matcher("c.after() != null and c.after().time == null");
        assertThat(property.find()).isTrue();
        assertThat(property.group()).isEqualTo("c.after().time");
        assertThat(PROPERTY.matcher("c.after().time() == null and c.hasTag() and tagged.length > 3").find()).isFalse();
        assertThat(PROPERTY.matcher("c.sort().name == 'TITLE'").find()).isTrue();
    }
}
