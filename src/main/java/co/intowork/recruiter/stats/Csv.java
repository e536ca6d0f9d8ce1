package co.intowork.recruiter.stats;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 text with CRLF line ends, fields quoted when they hold the separator, a quote or a line break; in the
 * dialect the spreadsheet programs of the person's language expect.
 */
final class Csv {
    /**
     * Where the decimal mark is a comma (French), Excel splits on ';' and reads "0,75" as a number; elsewhere ','
     * and "0.75". Whole numbers are written without digit grouping, which every dialect reads.
     */
    record Dialect(char separator, char decimal) {
        static final Dialect RFC_4180 = new Dialect(',', '.');

        static Dialect of(Locale locale) {
            return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ','
                    ? new Dialect(';', ',') : RFC_4180;
        }
    }

    private Csv() {
    }

    static String of(List<String> header, List<List<?>> rows) {
        return of(Dialect.RFC_4180, header, rows);
    }

    static String of(Dialect dialect, List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, dialect, header);
        for (List<?> row : rows) {
            line(out, dialect, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Dialect dialect, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(dialect.separator());
            }
            out.append(field(dialect, fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(Dialect dialect, Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', dialect.decimal());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString().replace('.', dialect.decimal());
        }
        String text = value == null ? "" : value.toString();
        // a leading = + - @ would be run as a formula by spreadsheet programs (job titles come from the web)
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.indexOf(dialect.separator()) >= 0 || text.contains("\"") || text.contains("\n")
                || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
