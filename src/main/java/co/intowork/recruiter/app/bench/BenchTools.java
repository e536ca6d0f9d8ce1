package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.app.DeveloperTools;
import co.intowork.recruiter.auth.DemoLogin;
import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.seed.large.LargeSeedMapper;
import co.intowork.recruiter.seed.large.LargeSeeder;
import co.intowork.recruiter.seed.large.TableSize;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The developer tools of a developer build (decision 0017), registered in META-INF/services: the benchmark and the
 * large seed. The installer's jar leaves this package, seed.large and the service file out.
 */
public final class BenchTools implements DeveloperTools {
    @Override
    public List<Class<?>> commands() {
        return List.of(BenchCommand.class, co.intowork.recruiter.app.bench.load.LoadTestCommand.class);
    }

    @Override
    public List<Class<?>> mappers() {
        return List.of(LargeSeedMapper.class, BenchMapper.class, BaselineMapper.class,
                co.intowork.recruiter.app.bench.load.LoadTestMapper.class);
    }

    @Override
    public int seedLarge(Database db, PrintWriter out, int randomSeed, LocalDate anchorDate) {
        LargeSeeder.Options options = anchorDate == null ? LargeSeeder.Options.large(randomSeed)
                : LargeSeeder.Options.large(randomSeed, anchorDate.atStartOfDay().atOffset(ZoneOffset.UTC));
        LargeSeeder.Report report = new LargeSeeder(db.unitOfWork()).seed(options, msg -> {
            out.println("… " + msg);
            out.flush();
        });
        out.printf("Large data set loaded in %.1f s into %s.%n", report.total().toMillis() / 1e3,
                db.target().label());
        out.println("Time per phase:");
        for (LargeSeeder.Phase p : report.phases()) {
            out.printf("  %-62s %8.1f s%n", p.name(), p.duration().toMillis() / 1e3);
        }
        out.println("Tables (rows, size with indexes):");
        for (TableSize t : report.tables()) {
            out.printf("  %-38s %,11d %,10.1f MB%n", t.tableName(), t.rowCount(), t.totalBytes() / 1048576.0);
        }
        out.println("Demo recruiter logins (password for all: " + DemoSeeder.DEMO_RECRUITER_PASSWORD + "):");
        for (DemoLogin login : report.logins()) {
            out.printf("  %-36s %s, %s%n", login.email(), login.fullName(), login.company());
        }
        out.flush();
        return 0;
    }
}
