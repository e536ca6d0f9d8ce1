package co.intowork.recruiter.stats;

import co.intowork.recruiter.common.ui.Formats;
import co.intowork.recruiter.common.ui.Messages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard as a printable A4 report: figures, funnel, durations, trends and stale applications as tables,
 * then the chart images the screen took. Standard fonts only (nothing to embed); characters they cannot draw are
 * replaced by '?'.
 */
final class StatsPdf {
    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document;
    private PDPageContentStream content;
    private float y;

    private StatsPdf(PDDocument document) {
        this.document = document;
    }

    static void write(Path file, String title, String filters, String applicationsCaption, StatsService.Overview o,
                      List<StatsViewModel.ChartImage> charts)
            throws IOException {
        try (PDDocument document = new PDDocument()) {
            StatsPdf pdf = new StatsPdf(document);
            pdf.newPage();
            pdf.text(BOLD, 16, title);
            pdf.text(REGULAR, 9, filters);
            pdf.gap();
            Dashboard d = o.dashboard();
            pdf.table(Messages.text("stats.section.figures"), new float[]{260, 120}, List.of(
                    List.of(Messages.text("stats.figure.activeJobs"), Formats.count(d.activeJobs())),
                    List.of(applicationsCaption, Formats.count(d.applications())),
                    List.of(Messages.text("stats.figure.notViewed"), Formats.count(d.newApplications())),
                    List.of(Messages.text("stats.figure.interview"), Formats.count(d.inInterview())),
                    List.of(Messages.text("stats.figure.accepted"), Formats.count(d.accepted())),
                    List.of(Messages.text("stats.figure.rejected"), Formats.count(d.rejected())),
                    List.of(Messages.text("stats.figure.responseRate"), StatsViewModel.percent(d.responseRate()))));
            List<List<String>> funnel = new ArrayList<>();
            funnel.add(List.of(Messages.text("stats.col.stage"), Messages.text("stats.col.reached"),
                    Messages.text("stats.col.passThrough")));
            for (Funnel.Step s : o.funnel().steps()) {
                funnel.add(List.of(StatsViewModel.stageLabel(s.stage()), Formats.count(s.reached()),
                        StatsViewModel.percent(s.passThrough())));
            }
            pdf.table(Messages.text("stats.section.funnel"), new float[]{200, 100, 120}, funnel);
            List<List<String>> times = new ArrayList<>();
            times.add(List.of(Messages.text("stats.col.measure"), Messages.text("stats.col.samples"),
                    Messages.text("stats.col.median"), Messages.text("stats.col.p90")));
            for (TimeMetric m : o.times()) {
                StatsViewModel.TimeRow r = StatsViewModel.timeRow(m);
                times.add(List.of(r.label(), Formats.count(r.samples()), r.median(), r.p90()));
            }
            pdf.table(Messages.text("stats.section.times"), new float[]{200, 80, 100, 100}, times);
            List<List<String>> weeks = new ArrayList<>();
            weeks.add(List.of(Messages.text("stats.col.week"), Messages.text("stats.col.applications")));
            o.trends().weeks().forEach(w -> weeks.add(List.of(StatsViewModel.week(w.week()), Formats.count(w.applications()))));
            pdf.table(Messages.text("stats.section.weeks"), new float[]{200, 100}, weeks);
            List<List<String>> sources = new ArrayList<>();
            sources.add(List.of(Messages.text("stats.col.source"), Messages.text("stats.col.applications")));
            o.trends().sources().forEach(s -> sources.add(List.of(StatsViewModel.sourceLabel(s.source()),
                    Formats.count(s.applications()))));
            pdf.table(Messages.text("stats.section.sources"), new float[]{200, 100}, sources);
            List<List<String>> top = new ArrayList<>();
            top.add(List.of(Messages.text("stats.col.job"), Messages.text("stats.col.applications")));
            o.trends().topJobs().forEach(j -> top.add(List.of(j.title(), Formats.count(j.applications()))));
            pdf.table(Messages.text("stats.section.topJobs"), new float[]{340, 100}, top);
            for (StatsViewModel.ChartImage chart : charts) {
                pdf.image(chart.title(), chart.png());
            }
            pdf.content.close();
            document.save(file.toFile());
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void text(PDType1Font font, float size, String text) throws IOException {
        at(font, size, MARGIN, text);
        y -= size + 6;
    }

    private void gap() {
        y -= LINE / 2;
    }

    private void at(PDType1Font font, float size, float x, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(drawable(font, text, size, PDRectangle.A4.getWidth() - MARGIN - x));
        content.endText();
    }

    private void table(String heading, float[] widths, List<List<String>> rows) throws IOException {
        if (y < MARGIN + LINE * Math.min(rows.size() + 2, 8)) {
            newPage();
        }
        text(BOLD, 12, heading);
        for (int r = 0; r < rows.size(); r++) {
            if (y < MARGIN) {
                newPage();
            }
            float x = MARGIN;
            for (int c = 0; c < widths.length && c < rows.get(r).size(); c++) {
                at(r == 0 && rows.size() > 1 && heading != null && widths.length > 2 ? BOLD : REGULAR, 10, x,
                        rows.get(r).get(c));
                x += widths[c];
            }
            y -= LINE;
        }
        gap();
    }

    private void image(String title, byte[] png) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, png, "chart");
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float height = image.getHeight() * width / image.getWidth();
        // the title stays on the chart's page
        if (y - height - 12 - 6 < MARGIN) {
            newPage();
        }
        text(BOLD, 12, title);
        y -= height;
        content.drawImage(image, MARGIN, y, width, height);
        y -= LINE;
    }

    /** The text as the font can draw it, cut to the width available. */
    private static String drawable(PDType1Font font, String text, float size, float maxWidth) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException e) {
                out.append('?');
            }
            i += Character.charCount(cp);
            if (font.getStringWidth(out.toString()) / 1000 * size > maxWidth) {
                out.setLength(Math.max(0, out.length() - 2));
                out.append('.');
                break;
            }
        }
        return out.toString();
    }
}
