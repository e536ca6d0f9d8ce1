package co.intowork.recruiter;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The plan tests on the demo data of 200 jobs (anchor 2026-03-01), run as one suite so that they share a test JVM
 * and it seeds that data once. Each JVM seeds a set of seeder options once into a template (testing.Templates);
 * seeding is the slowest set-up of the suite (20 to 40 seconds on the 2-core machine), and with the classes spread
 * over the two JVMs each seeded both sets, one of them sometimes as the last class of the whole run. In the root
 * package these two suites are the first classes of surefire's alphabetical order (pom.xml), so both start at once,
 * one in each JVM. pom.xml leaves their classes out of surefire's own list, so each runs once, here;
 * {@code -Dtest=ClassName} still runs one alone. {@link DemoPlans1500JobsTests} does the same for the other set.
 *
 * <p>Names, not class literals: the classes stay package-private in their features' packages.
 */
@Suite(failIfNoTests = false) // -Ppooler and other tag selections keep none of its classes
@SelectClasses(names = {
        "co.intowork.recruiter.board.BoardQueryPlanTest",
        "co.intowork.recruiter.stats.StatsQueryPlanTest",
        "co.intowork.recruiter.review.ReviewQueryPlanTest",
        "co.intowork.recruiter.sync.SlicePlanTest"})
class DemoPlans200JobsTests {
}
