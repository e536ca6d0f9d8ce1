package co.intowork.recruiter.app;

import co.intowork.recruiter.app.bench.BaselineMapper;
import co.intowork.recruiter.app.bench.BenchMapper;
import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.seed.DemoSeedMapper;
import co.intowork.recruiter.seed.LargeSeedMapper;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every mapper the app uses; one place, so a missing XML fails at start-up rather than on first use. The screens'
 * mappers come from the section registry ({@link Section}); the rest are listed here.
 */
public final class Mappers {
    private Mappers() {
    }

    public static List<Class<?>> all() {
        LinkedHashSet<Class<?>> all = new LinkedHashSet<>(List.of(DemoSeedMapper.class, SessionMapper.class,
                LargeSeedMapper.class,
                // benchmark (app/bench)
                BenchMapper.class, BaselineMapper.class));
        for (Section section : Section.values()) {
            all.addAll(section.screen().mappers());
        }
        return List.copyOf(all);
    }
}
