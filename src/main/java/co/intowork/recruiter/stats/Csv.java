package co.intowork.recruiter.stats;

import java.util.List;

/** RFC 4180 text: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
final class Csv {
    private Csv() {
    }

    static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<?> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        // a leading = + - @ would be run as a formula by spreadsheet programs (job titles come from the web)
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
