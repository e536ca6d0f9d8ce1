package co.intowork.recruiter;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The plan tests on the demo data of 1,500 jobs (anchor 2026-05-01; app.bench.PlanDemoData adds other companies'
 * jobs and interviews to a copy), run as one suite so that one test JVM seeds that data once: see
 * {@link DemoPlans200JobsTests}.
 */
@Suite(failIfNoTests = false) // -Ppooler and other tag selections keep none of its classes
@SelectClasses(names = {
        "co.intowork.recruiter.pipeline.PipelinePlanTest",
        "co.intowork.recruiter.app.bench.UiPlanGuardTest",
        "co.intowork.recruiter.app.bench.CandidateSearchPlanTest",
        "co.intowork.recruiter.app.bench.BenchCommandTest"})
class DemoPlans1500JobsTests {
}
