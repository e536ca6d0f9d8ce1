package co.intowork.recruiter.common.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.UK);
    }

    @Test
    void amountsFollowTheLanguageAndTheCurrency() {
        Messages.use(Locale.FRANCE);
        assertThat(Formats.moneyRange(600000, 900000, "XAF").replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("600 000 – 900 000 FCFA");
        assertThat(Formats.money(1500, "EUR").replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 500 €");
        assertThat(Formats.moneyRange(null, 500000, "XOF").replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("jusqu'à 500 000 F CFA");
        Messages.use(Locale.UK);
        assertThat(Formats.moneyRange(600000, 900000, "XAF").replace('\u00a0', ' ')).isEqualTo("600,000 – 900,000 XAF");
        assertThat(Formats.money(1500, "EUR")).isEqualTo("€1,500");
        assertThat(Formats.moneyRange(null, null, "XAF")).isEmpty();
    }

    @Test
    void countsAreGroupedTheLanguagesWay() {
        Messages.use(Locale.FRANCE);
        assertThat(Formats.count(79667).replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("79 667");
        Messages.use(Locale.UK);
        assertThat(Formats.count(79667)).isEqualTo("79,667");
        assertThat(Formats.count(0)).isEqualTo("0");
    }
}
