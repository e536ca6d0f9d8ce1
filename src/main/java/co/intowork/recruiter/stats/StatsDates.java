package co.intowork.recruiter.stats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Dates of the period as people type and read them in their language: the order of day, month and year comes from
 * the locale's short date (dd/MM/yyyy in French and British English, M/d/yyyy in American English), with any
 * separator, one- or two-digit days and months, and a two-digit year meaning 20xx; ISO 2026-03-31 is accepted too
 * (what the CSV holds).
 */
public final class StatsDates {
    private StatsDates() {
    }

    /** The period presets of the screen; each ends today (included). */
    public enum Preset {
        LAST_7_DAYS, LAST_30_DAYS, LAST_90_DAYS, THIS_QUARTER;

        public LocalDate from(LocalDate today) {
            return switch (this) {
                case LAST_7_DAYS -> today.minusDays(6);
                case LAST_30_DAYS -> today.minusDays(29);
                case LAST_90_DAYS -> today.minusDays(89);
                case THIS_QUARTER -> today.with(IsoFields.DAY_OF_QUARTER, 1);
            };
        }

        public String messageKey() {
            return switch (this) {
                case LAST_7_DAYS -> "stats.preset.last7";
                case LAST_30_DAYS -> "stats.preset.last30";
                case LAST_90_DAYS -> "stats.preset.last90";
                case THIS_QUARTER -> "stats.preset.quarter";
            };
        }
    }

    /** The locale's short date with a four-digit year: 31/03/2026 (fr, en-GB), 3/31/2026 (en-US). */
    public static DateTimeFormatter formatter(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        // "yy" would show 26 for 2026 and read 1926 back in some locales; the screen always shows four digits
        return DateTimeFormatter.ofPattern(pattern.replaceAll("y+", "yyyy"), locale);
    }

    public static String format(LocalDate date, Locale locale) {
        return date == null ? "" : formatter(locale).format(date);
    }

    /** The date typed, or null for blank text; {@link DateTimeParseException} when it is not a date. */
    public static LocalDate parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        String[] parts = trimmed.split("[^0-9]+");
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new DateTimeParseException("Not a date: " + trimmed, trimmed, 0);
        }
        int day;
        int month;
        int year;
        if (parts[0].length() == 4) {
            year = Integer.parseInt(parts[0]);
            month = Integer.parseInt(parts[1]);
            day = Integer.parseInt(parts[2]);
        } else {
            String order = order(locale);
            int[] values = new int[3];
            for (int i = 0; i < 3; i++) {
                if (parts[i].length() > 4) {
                    throw new DateTimeParseException("Not a date: " + trimmed, trimmed, 0);
                }
                values[i] = Integer.parseInt(parts[i]);
            }
            day = values[order.indexOf('d')];
            month = values[order.indexOf('M')];
            year = values[order.indexOf('y')];
            if (parts[order.indexOf('y')].length() <= 2) {
                year += 2000;
            }
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("Not a date: " + trimmed, trimmed, 0, e);
        }
    }

    /** "dMy", "Mdy" or "yMd": the order of the fields in the locale's short date. */
    static String order(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale).replaceAll("'[^']*'", "");
        StringBuilder order = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if ((c == 'd' || c == 'M' || c == 'y') && order.indexOf(String.valueOf(c)) < 0) {
                order.append(c);
            }
        }
        return order.length() == 3 ? order.toString() : "dMy";
    }
}
