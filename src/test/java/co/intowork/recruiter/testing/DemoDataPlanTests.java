package co.intowork.recruiter.testing;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The plan tests that need a demo data set large enough for the planner's choices (DemoDatabase), run as one
 * suite so that they share a test JVM. Each JVM seeds a set of options once into a template (Templates), and
 * seeding is the slowest set-up of the suite: with two test JVMs taking classes as they free up, each seeded both
 * sets (200 jobs for the board, statistics, review and slice plans; 1,500 for the pipeline, UI plan guard, candidate
 * search and bench), 20 to 50 seconds each on the 2-core machine, and one seeding could start last and hold the
 * whole run up. pom.xml leaves these classes out of surefire's own list, so each runs once, here;
 * {@code -Dtest=ClassName} still runs one alone.
 *
 * <p>Names, not class literals: the classes stay package-private in their features' packages.
 */
@Suite
@SelectClasses(names = {
        // 200 jobs (anchor 2026-03-01)
        "co.intowork.recruiter.board.BoardQueryPlanTest",
        "co.intowork.recruiter.stats.StatsQueryPlanTest",
        "co.intowork.recruiter.review.ReviewQueryPlanTest",
        "co.intowork.recruiter.sync.SlicePlanTest",
        // 1,500 jobs (anchor 2026-05-01; app.bench.PlanDemoData adds other companies' jobs and interviews)
        "co.intowork.recruiter.pipeline.PipelinePlanTest",
        "co.intowork.recruiter.app.bench.UiPlanGuardTest",
        "co.intowork.recruiter.app.bench.CandidateSearchPlanTest",
        "co.intowork.recruiter.app.bench.BenchCommandTest"})
class DemoDataPlanTests {
}
