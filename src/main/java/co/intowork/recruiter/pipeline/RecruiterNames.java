package co.intowork.recruiter.pipeline;

import java.util.List;
import java.util.stream.IntStream;

/** The recruiter filter's colleagues as the mapper reads them: two arrays in list order (null when none). */
public record RecruiterNames(Integer[] employerIds, String[] names) {
    public List<Recruiter> toList() {
        if (employerIds == null) {
            return List.of();
        }
        return IntStream.range(0, employerIds.length).mapToObj(i -> new Recruiter(employerIds[i], names[i])).toList();
    }
}
