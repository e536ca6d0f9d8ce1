package co.intowork.recruiter.common.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.UK);
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/co/intowork/recruiter/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndEveryTextIsAValidPattern() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties p : new Properties[] {en, fr}) {
            p.stringPropertyNames().forEach(key -> new MessageFormat(p.getProperty(key)));
        }
    }

    @Test
    void theLanguageComesFromTheSettingOrTheSystem() {
        assertThat(Messages.chooseLocale("system", Locale.CANADA_FRENCH)).isEqualTo(Locale.CANADA_FRENCH);
        assertThat(Messages.chooseLocale(null, new Locale("fr"))).isEqualTo(Locale.FRANCE);
        assertThat(Messages.chooseLocale("en", Locale.FRANCE).getLanguage()).isEqualTo("en");
        assertThat(Messages.chooseLocale("fr", Locale.US)).isEqualTo(Locale.FRANCE);
        assertThat(Messages.chooseLocale("system", new Locale("de", "DE")).getLanguage()).isEqualTo("en");
    }

    @Test
    void textsFollowTheChosenLanguageWithPluralsAndNumbers() {
        Messages.use(Locale.FRANCE);
        assertThat(Messages.format("main.summary.recruiter", 1234, "Alpha")).isEqualTo("Vous voyez 1\u202f234 offres de Alpha.");
        assertThat(Messages.format("auth.role.manager", 1)).isEqualTo("Responsable du recrutement sur 1 offre");
        Messages.use(Locale.UK);
        assertThat(Messages.format("main.summary.manager", 1)).isEqualTo("You can see 1 job.");
        assertThat(Messages.format("login.demoHelp", "pw")).contains("account's password is pw");
        assertThat(Messages.text("section.review.summary")).contains("candidate's profile");
        assertThat(Messages.bundle().getString("section.review.summary")).contains("candidate's profile");
    }

    @Test
    void databaseErrorsAreWordedInTheChosenLanguage() {
        Messages.use(Locale.FRANCE);
        assertThat(co.intowork.recruiter.common.db.SqlErrors.describe(new java.sql.SQLException("busy", "55P03")))
                .isEqualTo("Quelqu'un d'autre modifie le même enregistrement en ce moment. Patientez un instant et "
                        + "réessayez ; rien n'a été modifié.");
        Messages.use(Locale.UK);
        assertThat(co.intowork.recruiter.common.db.SqlErrors.describe(new java.sql.SQLException("dup", "23505")))
                .startsWith("This would create a duplicate: the same record already exists.");
    }
}
