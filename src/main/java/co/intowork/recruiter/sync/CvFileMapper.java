package co.intowork.recruiter.sync;

import java.util.List;

/** Reads of the replica for the offline CV files (CvFiles); run as the replica's owner, after a pull. */
public interface CvFileMapper {
    List<String> sliceCvUrls();
}
