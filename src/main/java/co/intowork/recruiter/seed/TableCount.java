package co.intowork.recruiter.seed;

public record TableCount(String tableName, long rowCount) {
}
