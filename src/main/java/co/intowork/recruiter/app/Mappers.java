package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.board.BoardMapper;
import co.intowork.recruiter.notifications.NotificationMapper;
import co.intowork.recruiter.pipeline.PipelineMapper;
import co.intowork.recruiter.review.ReviewMapper;
import co.intowork.recruiter.seed.DemoSeedMapper;
import co.intowork.recruiter.stats.StatsMapper;
import co.intowork.recruiter.sync.CvFileMapper;
import co.intowork.recruiter.sync.ReplicaMapper;
import co.intowork.recruiter.sync.SliceMapper;

import java.util.ArrayList;
import java.util.List;

/** Every mapper the app uses; one place, so a missing XML fails at start-up rather than on first use. */
public final class Mappers {
    private Mappers() {
    }

    public static List<Class<?>> all() {
        return List.of(DemoSeedMapper.class, SessionMapper.class, NotificationMapper.class,
                PipelineMapper.class, BoardMapper.class, ReviewMapper.class,
                StatsMapper.class,
                // offline sync
                SliceMapper.class, ReplicaMapper.class, CvFileMapper.class);
    }

    /**
     * The app's mappers and, in a developer build, the bench's and the large seed's: for the developer commands and
     * the tests, never for the window (decision 0017).
     */
    public static List<Class<?>> withDeveloperTools() {
        List<Class<?>> mappers = new ArrayList<>(all());
        DeveloperTools.installed().ifPresent(tools -> mappers.addAll(tools.mappers()));
        return List.copyOf(mappers);
    }
}
