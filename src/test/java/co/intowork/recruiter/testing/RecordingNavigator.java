package co.intowork.recruiter.testing;

import co.intowork.recruiter.common.ui.Navigator;

import java.util.ArrayList;
import java.util.List;

/** A Navigator for ViewModel tests: remembers where the screen asked to go ("pipeline", "board 11", "review 7"). */
public final class RecordingNavigator implements Navigator {
    private final List<String> requests = new ArrayList<>();

    public List<String> requests() {
        return requests;
    }

    @Override
    public void showPipeline() {
        requests.add("pipeline");
    }

    @Override
    public void showBoard(int jobId) {
        requests.add("board " + jobId);
    }

    @Override
    public void showReview(int applicationId) {
        requests.add("review " + applicationId);
    }
}
