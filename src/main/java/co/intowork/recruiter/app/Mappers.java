package co.intowork.recruiter.app;

import co.intowork.recruiter.app.bench.BaselineMapper;
import co.intowork.recruiter.app.bench.BenchMapper;
import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.board.BoardMapper;
import co.intowork.recruiter.notifications.NotificationMapper;
import co.intowork.recruiter.pipeline.PipelineMapper;
import co.intowork.recruiter.review.ReviewMapper;
import co.intowork.recruiter.search.CandidateSearchMapper;
import co.intowork.recruiter.seed.DemoSeedMapper;
import co.intowork.recruiter.seed.LargeSeedMapper;
import co.intowork.recruiter.stats.StatsMapper;
import co.intowork.recruiter.sync.CvFileMapper;
import co.intowork.recruiter.sync.ReplicaMapper;
import co.intowork.recruiter.sync.SliceMapper;

import java.util.List;

/** Every mapper the app uses; one place, so a missing XML fails at start-up rather than on first use. */
public final class Mappers {
    private Mappers() {
    }

    public static List<Class<?>> all() {
        return List.of(DemoSeedMapper.class, SessionMapper.class, NotificationMapper.class, LargeSeedMapper.class,
                PipelineMapper.class, BoardMapper.class, ReviewMapper.class,
                StatsMapper.class, CandidateSearchMapper.class,
                // offline sync
                SliceMapper.class, ReplicaMapper.class, CvFileMapper.class,
                // benchmark (app/bench)
                BenchMapper.class, BaselineMapper.class);
    }
}
