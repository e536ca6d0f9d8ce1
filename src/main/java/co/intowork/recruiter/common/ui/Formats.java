package co.intowork.recruiter.common.ui;

import java.text.NumberFormat;
import java.util.Currency;

/**
 * Amounts in the chosen language's conventions: "600 000 – 900 000 FCFA" in French, "600,000 – 900,000 XAF" in
 * English (a one-character symbol such as € stays a symbol: "€1,500", "1 500 €").
 */
public final class Formats {
    private Formats() {
    }

    /** A count with the language's digit grouping: "79,667" in English, "79 667" in French. */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Messages.locale()).format(n);
    }

    public static String money(long amount, String currencyCode) {
        java.util.Optional<Currency> currency = currency(currencyCode);
        if (currency.isPresent() && currency.get().getSymbol(Messages.locale()).length() > 1) {
            String label = Messages.locale().getLanguage().equals("fr")
                    ? currency.get().getSymbol(Messages.locale()) : currency.get().getCurrencyCode();
            return plainNumber(amount, currencyCode) + "\u00a0" + label;
        }
        return currencyFormat(currencyCode).format(amount);
    }

    /** A salary range; one end may be missing ("from …", "up to …"); empty when both are. */
    public static String moneyRange(Integer min, Integer max, String currencyCode) {
        if (min == null && max == null) {
            return "";
        }
        if (min == null) {
            return Messages.format("format.upTo", money(max, currencyCode));
        }
        if (max == null || max.equals(min)) {
            return max == null ? Messages.format("format.from", money(min, currencyCode)) : money(min, currencyCode);
        }
        // the currency once, as people write a range
        String high = money(max, currencyCode);
        String low = high.startsWith(plainNumber(max, currencyCode)) ? plainNumber(min, currencyCode)
                : money(min, currencyCode);
        return Messages.format("format.range", low, high);
    }

    private static String plainNumber(long amount, String currencyCode) {
        NumberFormat number = NumberFormat.getNumberInstance(Messages.locale());
        number.setMaximumFractionDigits(currency(currencyCode).map(Currency::getDefaultFractionDigits).orElse(0));
        return number.format(amount);
    }

    private static NumberFormat currencyFormat(String currencyCode) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Messages.locale());
        currency(currencyCode).ifPresent(c -> {
            format.setCurrency(c);
            format.setMaximumFractionDigits(c.getDefaultFractionDigits());
            format.setMinimumFractionDigits(0);
        });
        return format;
    }

    private static java.util.Optional<Currency> currency(String code) {
        try {
            return code == null ? java.util.Optional.empty() : java.util.Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** A day in the chosen language's short form (dd/MM/yyyy in French and British English), where the person is. */
    public static String date(java.time.OffsetDateTime moment) {
        return moment == null ? "" : moment.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDate()
                .format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.SHORT)
                        .withLocale(Messages.locale()));
    }

    /**
     * What tells apart jobs that share a title (a company often posts one title for several sites or rounds), after
     * the title: " · #number · city (country) · creation day", leaving out what is unknown.
     */
    public static String jobIdentity(int id, String location, String country, java.time.OffsetDateTime createdAt) {
        StringBuilder text = new StringBuilder(" · #").append(id);
        String city = location == null ? "" : location;
        String c = country == null ? "" : country;
        String place = city.isEmpty() ? c : c.isEmpty() ? city : city + " (" + c + ")";
        if (!place.isEmpty()) {
            text.append(" · ").append(place);
        }
        if (createdAt != null) {
            text.append(" · ").append(date(createdAt));
        }
        return text.toString();
    }
}
