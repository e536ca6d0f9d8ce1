package co.intowork.recruiter.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The recruiter filter's colleagues as the mapper reads them: two arrays in list order (null when none). */
public record RecruiterNames(Integer[] employerIds, String[] names) {
    public List<Recruiter> toList() {
        if (employerIds == null) {
            return List.of();
        }
        List<Recruiter> list = new ArrayList<>(employerIds.length);
        for (int i = 0; i < employerIds.length; i++) {
            list.add(new Recruiter(employerIds[i], names[i]));
        }
        return List.copyOf(list);
    }
}
