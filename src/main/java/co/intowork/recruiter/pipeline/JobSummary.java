package co.intowork.recruiter.pipeline;

import java.time.OffsetDateTime;

/** One row of the pipeline: a job with its live applications counted per status. Filled by PipelineMapper. */
public final class JobSummary {
    private int id;
    private int version;
    private String title;
    private String status;
    private String jobType;
    private String locationType;
    private String country;
    private String location;
    private int employerId;
    private OffsetDateTime postedAt;
    private OffsetDateTime createdAt;
    private OffsetDateTime expiresAt;
    private Integer daysOpen;
    private int applied;
    private int viewed;
    private int shortlisted;
    private int interview;
    private int accepted;
    private int rejected;
    private int newCount;

    public int getId() { return id; }
    public void setId(int id) { this.id = id; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getJobType() { return jobType; }
    public void setJobType(String jobType) { this.jobType = jobType; }
    public String getLocationType() { return locationType; }
    public void setLocationType(String locationType) { this.locationType = locationType; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public int getEmployerId() { return employerId; }
    public void setEmployerId(int employerId) { this.employerId = employerId; }
    public OffsetDateTime getPostedAt() { return postedAt; }
    public void setPostedAt(OffsetDateTime postedAt) { this.postedAt = postedAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(OffsetDateTime expiresAt) { this.expiresAt = expiresAt; }
    public Integer getDaysOpen() { return daysOpen; }
    public void setDaysOpen(Integer daysOpen) { this.daysOpen = daysOpen; }
    public int getApplied() { return applied; }
    public void setApplied(int applied) { this.applied = applied; }
    public int getViewed() { return viewed; }
    public void setViewed(int viewed) { this.viewed = viewed; }
    public int getShortlisted() { return shortlisted; }
    public void setShortlisted(int shortlisted) { this.shortlisted = shortlisted; }
    public int getInterview() { return interview; }
    public void setInterview(int interview) { this.interview = interview; }
    public int getAccepted() { return accepted; }
    public void setAccepted(int accepted) { this.accepted = accepted; }
    public int getRejected() { return rejected; }
    public void setRejected(int rejected) { this.rejected = rejected; }
    public int getNewCount() { return newCount; }
    public void setNewCount(int newCount) { this.newCount = newCount; }

    public int total() {
        return applied + viewed + shortlisted + interview + accepted + rejected;
    }

    public JobStatus jobStatus() {
        return JobStatus.fromDb(status);
    }
}
