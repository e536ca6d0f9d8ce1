package co.intowork.recruiter.seed;

import co.intowork.recruiter.common.db.UnitOfWork;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo candidates' CVs as real PDF files (issue 23), drawn with PDFBox (as the statistics' PDF export) from
 * each candidate's profile: one A4 page, in French or English, in one of a few styles. The seed points the CVs at
 * {@code file:} URIs in a folder; the files are written after the load (about a millisecond each), off the start-up's
 * critical path, and a start that finds the folder incomplete (closed while writing) writes the missing ones.
 */
public final class DemoCvs {
    private static final Logger log = LoggerFactory.getLogger(DemoCvs.class);
    /** Written last, holding the number of CVs: the folder is complete. */
    static final String COMPLETE = ".complete";

    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final float MARGIN = 50;
    private static final float[][] ACCENTS = {{0.12f, 0.34f, 0.55f}, {0.55f, 0.17f, 0.20f}, {0.13f, 0.44f, 0.31f},
            {0.36f, 0.24f, 0.52f}, {0.72f, 0.42f, 0.06f}};
    private static final Fonts[] FAMILIES = {
            new Fonts(Standard14Fonts.FontName.HELVETICA, Standard14Fonts.FontName.HELVETICA_BOLD,
                    Standard14Fonts.FontName.HELVETICA_OBLIQUE),
            new Fonts(Standard14Fonts.FontName.TIMES_ROMAN, Standard14Fonts.FontName.TIMES_BOLD,
                    Standard14Fonts.FontName.TIMES_ITALIC)};

    private record Fonts(PDType1Font regular, PDType1Font bold, PDType1Font italic) {
        Fonts(Standard14Fonts.FontName r, Standard14Fonts.FontName b, Standard14Fonts.FontName i) {
            this(new PDType1Font(r), new PDType1Font(b), new PDType1Font(i));
        }
    }

    private DemoCvs() {
    }

    /** Where the embedded demo's CV files are: beside its database, in the app's data folder. */
    public static Path folder(co.intowork.recruiter.settings.AppPaths paths) {
        return paths.dataDir().resolve("demo-cv");
    }

    /** The address every CV file of the folder starts with (then "N.pdf"). */
    public static String baseUri(Path folder) {
        String uri = folder.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** Whether every CV of the folder has been written (by an earlier start or seed). */
    public static boolean complete(Path folder) {
        return Files.isRegularFile(folder.resolve(COMPLETE));
    }

    /** The profiles of the CVs that point into the folder; read as the tables' owner (the load's login). */
    public static List<CvProfile> profiles(UnitOfWork unitOfWork, Path folder) {
        return unitOfWork.inTransaction(session -> session.getMapper(DemoSeedMapper.class)
                .cvProfiles(baseUri(folder)));
    }

    /** Writes the CVs not there yet, then marks the folder complete; returns how many were written. */
    public static int write(Path folder, List<CvProfile> profiles) {
        long started = System.nanoTime();
        int written = 0;
        try {
            Files.createDirectories(folder);
            for (CvProfile p : profiles) {
                Path file = folder.resolve(p.fileName());
                if (!file.normalize().startsWith(folder.normalize()) || Files.isRegularFile(file)) {
                    continue;
                }
                Path part = folder.resolve(p.fileName() + ".part");
                Files.write(part, pdf(p));
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written++;
            }
            Files.writeString(folder.resolve(COMPLETE), profiles.size() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo CV files could not be written to " + folder, e);
        }
        log.info("Demo CV files: {} written, {} already there, in {} ms ({})", written, profiles.size() - written,
                (System.nanoTime() - started) / 1_000_000, folder);
        return written;
    }

    /** {@link #write} on a low-priority daemon thread: the window does not wait for it. */
    public static Thread writeInBackground(Path folder, List<CvProfile> profiles) {
        Thread t = new Thread(() -> {
            try {
                write(folder, profiles);
            } catch (RuntimeException e) {
                log.warn("Demo CV files not all written: {}", e.getMessage());
            }
        }, "demo-cv-files");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** One CV as a PDF file's bytes. */
    public static byte[] pdf(CvProfile p) throws IOException {
        int style = Math.floorMod(p.fileName().hashCode(), ACCENTS.length * FAMILIES.length * 2);
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle((p.english() ? "Resume - " : "CV - ") + p.fullName());
            info.setAuthor(p.fullName());
            info.setCreator("IntoWork Recruiter demo data");
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Page(content, FAMILIES[style % FAMILIES.length], ACCENTS[(style / 2) % ACCENTS.length],
                        style >= ACCENTS.length * FAMILIES.length, p.english()).draw(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Draws one CV top-down; {@code y} is the baseline of the next line. */
    private static final class Page {
        private final PDPageContentStream c;
        private final Fonts f;
        private final float[] accent;
        private final boolean band;
        private final boolean en;
        private float y;

        Page(PDPageContentStream c, Fonts f, float[] accent, boolean band, boolean en) {
            this.c = c;
            this.f = f;
            this.accent = accent;
            this.band = band;
            this.en = en;
        }

        void draw(CvProfile p) throws IOException {
            if (band) {
                c.setNonStrokingColor(accent[0], accent[1], accent[2]);
                c.addRect(0, H - 120, W, 120);
                c.fill();
                c.setNonStrokingColor(1f, 1f, 1f);
                y = H - 58;
                line(f.bold, 24, MARGIN, p.fullName());
                y = H - 82;
                line(f.regular, 13, MARGIN, nz(p.title()));
                y = H - 102;
                line(f.regular, 9, MARGIN, nz(p.contact()));
                y = H - 150;
            } else {
                y = H - 70;
                c.setNonStrokingColor(accent[0], accent[1], accent[2]);
                line(f.bold, 24, MARGIN, p.fullName());
                y -= 22;
                c.setNonStrokingColor(0.2f, 0.2f, 0.2f);
                line(f.regular, 13, MARGIN, nz(p.title()));
                y -= 16;
                c.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                line(f.regular, 9, MARGIN, nz(p.contact()));
                y -= 12;
                c.setStrokingColor(accent[0], accent[1], accent[2]);
                c.setLineWidth(1.2f);
                c.moveTo(MARGIN, y);
                c.lineTo(W - MARGIN, y);
                c.stroke();
                y -= 28;
            }
            heading(en ? "Profile" : "Profil");
            paragraph(f.regular, 10, nz(p.summary()));
            heading(en ? "Experience" : "Expérience professionnelle");
            for (String[] e : rows(p.experiences(), 6)) {
                dated(e[2] + (e[3].isEmpty() ? "" : " - " + e[3]), period(e[0], e[1]));
                if (!e[4].isEmpty()) {
                    gray();
                    line(f.italic, 9, MARGIN, e[4]);
                    y -= 12;
                }
                if (!e[5].isEmpty()) {
                    paragraph(f.regular, 10, e[5]);
                }
                y -= 4;
            }
            heading(en ? "Education" : "Formation");
            for (String[] e : rows(p.educations(), 5)) {
                dated(e[2] + (e[3].isEmpty() ? "" : ", " + e[3]), e[0] + " - " + e[1]);
                if (!e[4].isEmpty()) {
                    gray();
                    line(f.italic, 9, MARGIN, e[4]);
                    y -= 12;
                }
                y -= 4;
            }
            heading(en ? "Skills" : "Compétences");
            Map<String, List<String>> byCategory = new LinkedHashMap<>();
            for (String[] s : rows(p.skills(), 3)) {
                byCategory.computeIfAbsent(s[2], k -> new ArrayList<>()).add(s[0] + " (" + level(s[1]) + ")");
            }
            for (Map.Entry<String, List<String>> e : byCategory.entrySet()) {
                paragraph(f.regular, 10, category(e.getKey()) + " : " + String.join(", ", e.getValue()));
            }
            c.setNonStrokingColor(0.55f, 0.55f, 0.55f);
            y = 30;
            line(f.italic, 7, MARGIN, en ? "Demo data - IntoWork Recruiter" : "Données de démonstration - IntoWork Recruiter");
        }

        private void heading(String text) throws IOException {
            y -= 6;
            c.setNonStrokingColor(accent[0], accent[1], accent[2]);
            line(f.bold, 12, MARGIN, text.toUpperCase(java.util.Locale.ROOT));
            y -= 17;
        }

        private void dated(String left, String right) throws IOException {
            c.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            String r = drawable(f.regular, right);
            float rw = f.regular.getStringWidth(r) / 1000 * 9;
            line(f.bold, 10.5f, MARGIN, fit(f.bold, 10.5f, left, W - 2 * MARGIN - rw - 12));
            c.setNonStrokingColor(0.4f, 0.4f, 0.4f);
            line(f.regular, 9, W - MARGIN - rw, r);
            y -= 13;
        }

        private void gray() {
            try {
                c.setNonStrokingColor(0.4f, 0.4f, 0.4f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void paragraph(PDType1Font font, float size, String text) throws IOException {
            c.setNonStrokingColor(0.15f, 0.15f, 0.15f);
            StringBuilder lineText = new StringBuilder();
            for (String word : drawable(font, text).split(" ")) {
                String next = lineText.isEmpty() ? word : lineText + " " + word;
                if (font.getStringWidth(next) / 1000 * size > W - 2 * MARGIN && !lineText.isEmpty()) {
                    line(font, size, MARGIN, lineText.toString());
                    y -= size + 3;
                    lineText = new StringBuilder(word);
                } else {
                    lineText = new StringBuilder(next);
                }
            }
            if (!lineText.isEmpty()) {
                line(font, size, MARGIN, lineText.toString());
                y -= size + 3;
            }
            y -= 3;
        }

        private void line(PDType1Font font, float size, float x, String text) throws IOException {
            if (y < 45) {
                return; // one page: what does not fit is left out
            }
            c.beginText();
            c.setFont(font, size);
            c.newLineAtOffset(x, y);
            c.showText(drawable(font, text));
            c.endText();
        }

        private String period(String start, String end) {
            return start + " - " + (end.isEmpty() ? (en ? "present" : "aujourd'hui") : end);
        }

        private String level(String level) {
            String[] words = en ? new String[] {"basic", "intermediate", "proficient", "advanced", "expert"}
                    : new String[] {"notions", "intermédiaire", "confirmé", "avancé", "expert"};
            try {
                return words[Math.max(1, Math.min(5, Integer.parseInt(level.trim()))) - 1];
            } catch (NumberFormatException e) {
                return level;
            }
        }

        private String category(String category) {
            return switch (category) {
                case "TECHNICAL" -> en ? "Technical" : "Techniques";
                case "SOFT" -> en ? "Soft skills" : "Savoir-être";
                case "LANGUAGE" -> en ? "Languages" : "Langues";
                default -> category;
            };
        }
    }

    private static List<String[]> rows(String text, int fields) {
        List<String[]> rows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rows;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            String[] row = new String[fields];
            for (int i = 0; i < fields; i++) {
                row[i] = i < parts.length ? parts[i].trim() : "";
            }
            rows.add(row);
        }
        return rows;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The text as the standard fonts (WinAnsi) can draw it: anything else becomes '?'. */
    private static String drawable(PDType1Font font, String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cp < 0x80 && cp >= 0x20) {
                out.append(ch);
            } else {
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IllegalArgumentException e) {
                    out.append(Character.isWhitespace(cp) ? " " : "?");
                }
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String fit(PDType1Font font, float size, String text, float width) throws IOException {
        String t = drawable(font, text);
        while (t.length() > 3 && font.getStringWidth(t) / 1000 * size > width) {
            t = t.substring(0, t.length() - 2) + ".";
        }
        return t;
    }
}
