package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.auth.SignInAttempt;
import co.intowork.recruiter.auth.SignedIn;
import co.intowork.recruiter.auth.SignedInUser;
import co.intowork.recruiter.common.db.SchemaInspectionMapper;
import co.intowork.recruiter.common.db.UnitOfWork;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.tasks.ImmediateTaskRunner;
import co.intowork.recruiter.pipeline.PipelineMapper;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.seed.large.LargeSeedMapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.session.SqlSessionFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the UI's statements for each subject as the signed-in client, then (optionally) the baseline as the owner,
 * and puts both side by side in a {@link BenchReport}.
 */
public final class BenchRunner {
    public record Options(int repetitions, int warmup, double budgetSeconds, int baselineRepetitions,
                          double baselineBudgetSeconds, long seed, boolean baseline, String command,
                          String machineNote, java.util.regex.Pattern only) {
        /** Whether a statement is timed: all of them unless --only narrows the run to "subject statement" matches. */
        boolean times(Subject s, BenchStatement st) {
            return only == null || only.matcher(s.key() + " " + st.name()).find();
        }
    }

    /** The measurements of one statement for one subject, kept until the baseline has run too. */
    private static final class Measured {
        final Subject subject;
        final BenchStatement statement;
        final List<Map<String, Object>> draws;
        final long[] nanos;
        final int[] rows;
        final List<JsonNode> plans;
        final String error;
        long[] baselineNanos = new long[0];

        Measured(Subject subject, BenchStatement statement, List<Map<String, Object>> draws, long[] nanos, int[] rows,
                 List<JsonNode> plans, String error) {
            this.error = error;
            this.subject = subject;
            this.statement = statement;
            this.draws = draws;
            this.nanos = nanos;
            this.rows = rows;
            this.plans = plans;
        }
    }

    private final UnitOfWork owner;
    private final SqlSessionFactory clientFactory;
    private final Options options;
    private final Consumer<String> progress;

    public BenchRunner(UnitOfWork owner, SqlSessionFactory clientFactory, Options options, Consumer<String> progress) {
        this.owner = owner;
        this.clientFactory = clientFactory;
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws Exception {
        double loadStart = loadAverage();
        List<Subject> subjects = subjects();
        List<Measured> measured = new ArrayList<>();
        try {
            warmUp(subjects);
            for (Subject s : subjects) {
                for (BenchStatement st : UiStatements.forSubject(s)) {
                    if (options.times(s, st)) {
                        measured.add(measure(s, st));
                    }
                }
            }
            List<String> dropped = options.baseline() ? runBaseline(measured) : List.of();
            List<BenchReport.TriggerCost> moveTriggers = subjects.stream().filter(s -> s.company() != null)
                    .findFirst().map(s -> TriggerCosts.measure(owner, s.company().companyId,
                            Math.min(options.repetitions(), 100), progress)).orElse(List.of());
            List<BenchReport.TableRow> tables = owner.inTransaction(s -> s.getMapper(LargeSeedMapper.class)
                    .tableSizes()).stream().map(t -> new BenchReport.TableRow(t.tableName(), t.rowCount(),
                    Math.round(t.totalBytes() / 1048576.0 * 10) / 10.0)).toList();
            String pg = owner.inTransaction(s -> s.getMapper(SchemaInspectionMapper.class).serverVersion());
            double loadEnd = loadAverage();
            return new BenchReport(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                    options.command(), new BenchReport.Settings(options.repetitions(), options.warmup(), options.budgetSeconds(),
                    options.baselineRepetitions(), options.baselineBudgetSeconds(), options.seed(), options.baseline()),
                    machine(pg, loadStart, loadEnd), new BenchReport.Data(tables, subjects.stream()
                    .map(BenchRunner::describe).toList(), dropped),
                    measured.stream().map(this::result).toList(), null, moveTriggers, notes());
        } finally {
            for (Subject s : subjects) {
                signOut(s);
            }
        }
    }

    // ---- subjects -------------------------------------------------------------------------------------------

    private List<Subject> subjects() {
        progress.accept("Choosing the companies and signing in");
        List<BenchMapper.CompanyRow> companies = owner.inTransaction(s -> s.getMapper(BenchMapper.class).companies());
        List<BenchMapper.CompanyRow> withRecruiter = companies.stream().filter(c -> c.recruiterEmail != null).toList();
        if (withRecruiter.isEmpty()) {
            throw new UserFacingException("The database has no company with applications and a recruiter: seed it "
                    + "first (intowork-recruiter seed --scale large).");
        }
        List<Subject> subjects = new ArrayList<>();
        BenchMapper.CompanyRow large = withRecruiter.get(0);
        subjects.add(signIn("large", "the company with the most applications", large.recruiterEmail, large));
        if (withRecruiter.size() > 1) {
            // the median company by applications: a typical small employer
            BenchMapper.CompanyRow small = withRecruiter.get(Math.max(1, withRecruiter.size() / 2));
            subjects.add(signIn("small", "the median company by applications", small.recruiterEmail, small));
        }
        BenchMapper.HiringManagerRow hm = owner.inTransaction(s -> s.getMapper(BenchMapper.class).hiringManager());
        if (hm != null) {
            subjects.add(signIn("hiring_manager", "a hiring manager (" + hm.jobs + " assigned jobs)", hm.email, null));
        }
        return subjects;
    }

    /** A signed-in client session: its token and two units of work carrying it (one commits, one rolls back). */
    record Session(String token, SignedInUser user, UnitOfWork client, UnitOfWork rollback) {
    }

    /** Signs in with the demo seed's password (every seeded employer account has it). */
    static Session signIn(SqlSessionFactory clientFactory, String email) {
        UnitOfWork plain = new UnitOfWork(clientFactory, () -> false);
        SignInAttempt attempt = SignInAttempt.make(plain, email, DemoSeeder.DEMO_RECRUITER_PASSWORD);
        if (!"ok".equals(attempt.outcome())) {
            throw new UserFacingException("Could not sign in as " + email + " (" + attempt.outcome() + "): the "
                    + "benchmark signs in with the demo seed's password.");
        }
        String token = attempt.token();
        UnitOfWork client = new UnitOfWork(clientFactory, () -> false);
        UnitOfWork rollback = RollbackOnly.unitOfWork(clientFactory);
        for (UnitOfWork u : List.of(client, rollback)) {
            u.setPreamble(s -> s.getMapper(SessionMapper.class).useSession(token));
        }
        SignedInUser user = client.inTransaction(s -> s.getMapper(SessionMapper.class).sessionProfile());
        return new Session(token, user, client, rollback);
    }

    private Subject signIn(String key, String label, String email, BenchMapper.CompanyRow company) {
        Session session = signIn(clientFactory, email);
        SignedInUser user = session.user();
        SignedIn signedIn = new SignedIn(user, session.client(), new ImmediateTaskRunner());
        long visibleJobs = session.client().inTransaction(s -> s.getMapper(PipelineMapper.class)
                .count(UiStatements.criteria(user, null, null), null));
        progress.accept("Reading " + key + "'s parameter pools (" + email + ")");
        Subject.Pools pools = Subject.loadPools(signedIn, owner, visibleJobs, options.seed() * 31 + key.hashCode());
        return new Subject(key, label, signedIn, new SignedIn(user, session.rollback(), new ImmediateTaskRunner()),
                owner, company, session.token(), pools);
    }

    private static void signOut(Subject s) {
        try {
            s.client().inTransaction(x -> x.getMapper(SessionMapper.class).signOut(s.token()));
        } catch (RuntimeException e) {
            // the session expires on its own
        }
    }

    private static BenchReport.SubjectInfo describe(Subject s) {
        long applications = s.pools().jobs().stream().mapToLong(j -> j.applications).sum();
        return new BenchReport.SubjectInfo(s.key(), s.label(), s.user().email(),
                s.company() == null ? null : s.company().companyId,
                s.company() == null ? s.user().companyName() : s.company().companyName,
                s.pools().jobs().size(), applications);
    }

    // ---- measuring ------------------------------------------------------------------------------------------

    /**
     * Every statement runs its warm-up once before any is timed. Otherwise the first statements are timed while the
     * JIT compilers still work through the mapper, driver and service code on the same two cores as the server:
     * the largest company's pipeline page, timed second, had a p99 of 5 ms for a p50 of 1 ms. The app a recruiter
     * uses has long passed that point.
     */
    private void warmUp(List<Subject> subjects) {
        progress.accept("Warming up: every statement " + options.warmup() + " times before any is timed");
        long budget = (long) (options.budgetSeconds() * 1e9 / 4);
        for (Subject s : subjects) {
            for (BenchStatement st : UiStatements.forSubject(s)) {
                if (!options.times(s, st)) {
                    continue;
                }
                Random random = new Random(options.seed() * 17 + (s.key() + "/" + st.name()).hashCode());
                long started = System.nanoTime();
                try {
                    for (int i = 0; i < options.warmup() && System.nanoTime() - started < budget; i++) {
                        st.ours().run(st.draw().apply(random));
                    }
                } catch (Exception e) {
                    // measure() reports a failing statement in its own row
                }
            }
        }
    }

    private Measured measure(Subject s, BenchStatement st) throws Exception {
        progress.accept(String.format(Locale.ROOT, "%-15s %s", s.key(), st.name()));
        Random random = new Random(options.seed() * 31 + (s.key() + "/" + st.name()).hashCode());
        List<Map<String, Object>> draws = new ArrayList<>();
        for (int i = 0; i < options.warmup() + options.repetitions(); i++) {
            draws.add(st.draw().apply(random));
        }
        List<JsonNode> plans = List.of();
        long[] nanos = new long[options.repetitions()];
        int[] rows = new int[options.repetitions()];
        int done = 0;
        long budget = (long) (options.budgetSeconds() * 1e9);
        try {
            plans = st.plans().plans(draws.get(options.warmup()));
            long started = System.nanoTime();
            for (int i = 0; i < options.warmup() && System.nanoTime() - started < budget / 4; i++) {
                st.ours().run(draws.get(i));
            }
            started = System.nanoTime();
            // a slow statement stops at the time budget, with at least 10 timed runs
            for (int i = 0; i < options.repetitions() && (i < 10 || System.nanoTime() - started < budget); i++) {
                BenchStatement.Sample sample = st.ours().run(draws.get(options.warmup() + i));
                nanos[i] = sample.nanos();
                rows[i] = sample.rows();
                done++;
            }
            if (done < options.repetitions()) {
                progress.accept("  stopped at the time budget after " + done + " runs");
                nanos = Arrays.copyOf(nanos, done);
                rows = Arrays.copyOf(rows, done);
            }
        } catch (RuntimeException e) {
            // one statement that fails (e.g. the statement timeout) is a finding, not the end of the run
            progress.accept("  failed: " + e.getMessage());
            return new Measured(s, st, draws, new long[0], new int[0], plans, e.getMessage());
        }
        return new Measured(s, st, draws, nanos, rows, plans, null);
    }

    /**
     * The baseline in one owner transaction that first drops our indexes and is rolled back at the end; each call
     * inside a savepoint rolled back after it (outside the timing), so writes leave nothing either.
     */
    private List<String> runBaseline(List<Measured> measured) {
        progress.accept("Baseline: dropping the indexes V1 does not have, inside a transaction that will roll back");
        return RollbackOnly.unitOfWork(owner.factory()).inTransaction(session -> {
            List<String> dropped = Baseline.dropOurIndexes(session);
            session.getMapper(BenchMapper.class).noStatementTimeout();
            Connection c = session.getConnection();
            for (Measured m : measured) {
                if (m.statement.baseline() == null || m.subject.company() == null || m.error != null) {
                    continue;
                }
                progress.accept(String.format(Locale.ROOT, "baseline %-15s %s", m.subject.key(),
                        m.statement.name()));
                long budget = (long) (options.baselineBudgetSeconds() * 1e9);
                long started = System.nanoTime();
                List<Long> samples = new ArrayList<>();
                // one warm-up run, unless a single run is a large part of the budget: then it is the first sample
                // (such statements read whole tables, so a warm cache changes little)
                long first = time(c, () -> m.statement.baseline().run(session, m.draws.get(options.warmup())));
                int next = 0;
                if (first > budget / 10) {
                    samples.add(first);
                    next = 1;
                }
                for (int i = next; i < Math.min(options.baselineRepetitions(), options.repetitions())
                        && System.nanoTime() - started < budget; i++) {
                    Map<String, Object> p = m.draws.get(options.warmup() + i);
                    samples.add(time(c, () -> m.statement.baseline().run(session, p)));
                }
                progress.accept(String.format(Locale.ROOT, "  %d runs, p95 %.1f ms", samples.size(),
                        percentile(samples.stream().mapToLong(Long::longValue).toArray(), 95)));
                m.baselineNanos = samples.stream().mapToLong(Long::longValue).toArray();
            }
            return dropped;
        });
    }

    private interface Call {
        int run() throws Exception;
    }

    private static long time(Connection c, Call call) throws Exception {
        Savepoint sp = c.setSavepoint();
        long start = System.nanoTime();
        try {
            call.run();
            return System.nanoTime() - start;
        } finally {
            c.rollback(sp);
            c.releaseSavepoint(sp);
        }
    }

    // ---- report -----------------------------------------------------------------------------------------------

    private BenchReport.StatementResult result(Measured m) {
        Boolean indexUsed = null;
        Set<String> indexes = new LinkedHashSet<>();
        List<String> seqScans = new ArrayList<>();
        for (JsonNode plan : m.plans) {
            indexes.addAll(Plans.indexesUsed(plan));
            seqScans.addAll(Plans.sequentialScansOfBigTables(plan));
        }
        if (!m.plans.isEmpty()) {
            // "a|b": either index serves the purpose
            indexUsed = seqScans.isEmpty() && m.statement.intendedIndexes().stream()
                    .allMatch(any -> Arrays.stream(any.split("\\|")).anyMatch(indexes::contains));
        }
        double p95 = percentile(m.nanos, 95);
        Double baselineP95 = m.baselineNanos.length == 0 ? null : percentile(m.baselineNanos, 95);
        return new BenchReport.StatementResult(m.statement.name(), m.subject.key(), m.statement.what(),
                m.nanos.length, percentile(m.nanos, 50), p95, percentile(m.nanos, 99),
                round(Arrays.stream(m.nanos).average().orElse(0) / 1e6), median(m.rows), indexUsed,
                m.statement.intendedIndexes(), List.copyOf(indexes), seqScans,
                m.baselineNanos.length == 0 ? null : percentile(m.baselineNanos, 50), baselineP95,
                m.baselineNanos.length == 0 ? null : m.baselineNanos.length,
                baselineP95 == null || p95 <= 0 ? null : round(baselineP95 / p95), m.error);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6);
    }

    private static long median(int[] rows) {
        int[] sorted = rows.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static double round(double v) {
        return v >= 100 ? Math.round(v * 10) / 10.0 : Math.round(v * 1000) / 1000.0;
    }

    private List<String> notes() {
        return List.of(
                "Reads: the time of the statement itself (MyBatis call on the real mapper statement, prepared by the "
                        + "driver), inside a transaction that began with use_session, which is measured separately.",
                "review.save and board.move: the real service call, i.e. the whole transaction (BEGIN, use_session, "
                        + "the statements, ROLLBACK instead of COMMIT so the data stays the same).",
                "Warm-up: before any statement is timed, each runs its warm-up draws once (so the first ones are "
                        + "not timed while the JIT compilers share the two cores with the server), then again just "
                        + "before its own timed runs.",
                "Parameters: drawn with a seeded Random from what the signed-in person can see (random jobs, "
                        + "columns, depths, applications of the company); the baseline runs the same draws.",
                "Baseline: the tables' owner (no row-level security, like the web backend), in one transaction that "
                        + "first DROPs every index V1 did not create and is rolled back at the end; each call in a "
                        + "savepoint. Search = title ILIKE '%word%' within the company, listing jobs.applications_count "
                        + "(ours also counts per status, so its ratio understates); pipeline and board counts = "
                        + "one COUNT per job and status (the platform has no 'new since last seen' count); board "
                        + "and pipeline pages use OFFSET at the same depth; the platform has no status history, "
                        + "so the board baseline shows no time in status. No baseline for a hiring manager (the "
                        + "platform has none) nor for statements the platform has no equivalent of.",
                "index_used: EXPLAIN (FORMAT JSON) of the same statement with the first timed parameters, in the "
                        + "signed-in session: true when no jobs/job_applications/notifications/candidates table is "
                        + "read by a Seq Scan and every intended index appears; for search, the function "
                        + "recruiter.search_visible_jobs's own statement is explained as its owner as well.");
    }

    // ---- machine ----------------------------------------------------------------------------------------------

    private BenchReport.Machine machine(String pg, double loadStart, double loadEnd) {
        long ram = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            ram = os.getTotalMemorySize() / 1048576;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String note = options.machineNote() != null ? options.machineNote()
                : loadStart < 0.25 * cores ? String.format(Locale.ROOT, "Quiet machine (load average %.2f on %d "
                + "cores at the start).", loadStart, cores)
                : String.format(Locale.ROOT, "Busy machine: other work was running (load average %.2f on %d cores "
                + "at the start), so the timings are noisier than on a quiet one.", loadStart, cores);
        return new BenchReport.Machine(cores, ram, osName(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), pg, loadStart, loadEnd, note);
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    private static String osName() {
        String base = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        try {
            Path release = Path.of("/etc/os-release");
            if (Files.isReadable(release)) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("PRETTY_NAME=")) {
                        return line.substring("PRETTY_NAME=".length()).replace("\"", "") + " (" + base + ")";
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the kernel's name is enough
        }
        return base;
    }
}
