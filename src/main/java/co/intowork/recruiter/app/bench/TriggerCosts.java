package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.common.db.UnitOfWork;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What each trigger of job_applications costs a move (issue 16: "measure what each trigger costs on a move"):
 * the UPDATE applied → viewed of one application, timed with every trigger, then with one of them disabled. As the
 * tables' owner in one transaction rolled back at the end; each UPDATE in a savepoint rolled back after it, so every
 * run moves the same row from the same state.
 */
final class TriggerCosts {
    private static final int WARMUP = 10;

    private TriggerCosts() {
    }

    static List<BenchReport.TriggerCost> measure(UnitOfWork owner, int companyId, int repetitions,
                                                 Consumer<String> progress) {
        progress.accept("A move's triggers, one by one (owner, rolled back)");
        return RollbackOnly.unitOfWork(owner.factory()).inTransaction(session -> {
            BenchMapper m = session.getMapper(BenchMapper.class);
            m.noStatementTimeout();
            Integer application = m.movableApplication(companyId);
            if (application == null) {
                return List.of();
            }
            List<String> triggers = m.applicationTriggers();
            Connection c = session.getConnection();
            List<BenchReport.TriggerCost> rows = new ArrayList<>();
            long[] all = time(c, m, application, repetitions);
            double allP50 = BenchRunner.percentile(all, 50);
            rows.add(new BenchReport.TriggerCost("all " + triggers.size(), all.length, allP50,
                    BenchRunner.percentile(all, 95), null));
            for (String trigger : triggers) {
                // the name comes from pg_trigger (applicationTriggers) just above: the only thing ${} receives
                m.disableApplicationTrigger(trigger);
                long[] without = time(c, m, application, repetitions);
                m.enableApplicationTrigger(trigger);
                double p50 = BenchRunner.percentile(without, 50);
                rows.add(new BenchReport.TriggerCost("without " + trigger, without.length, p50,
                        BenchRunner.percentile(without, 95), Math.round((allP50 - p50) * 1000) / 1000.0));
                progress.accept(String.format(Locale.ROOT, "  without %-36s p50 %.3f ms (all: %.3f)", trigger, p50,
                        allP50));
            }
            return rows;
        });
    }

    private static long[] time(Connection c, BenchMapper m, int application, int repetitions) {
        long[] nanos = new long[repetitions];
        try {
            for (int i = -WARMUP; i < repetitions; i++) {
                Savepoint before = c.setSavepoint();
                long start = System.nanoTime();
                m.moveToViewed(application);
                long took = System.nanoTime() - start;
                c.rollback(before);
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Timing a move's UPDATE failed: " + e.getMessage(), e);
        }
        return nanos;
    }
}
