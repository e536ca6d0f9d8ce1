package co.intowork.recruiter.seed.large;

/** One table after a large seed: exact row count and size on disk (with its indexes and TOAST). */
public record TableSize(String tableName, long rowCount, long totalBytes) {
}
