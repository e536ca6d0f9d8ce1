package co.intowork.recruiter.app;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.live.LiveMapper;
import co.intowork.recruiter.seed.DemoSeedMapper;

import java.util.ArrayList;
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
                LiveMapper.class));
        for (Section section : Section.values()) {
            all.addAll(section.screen().mappers());
        }
        return List.copyOf(all);
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
