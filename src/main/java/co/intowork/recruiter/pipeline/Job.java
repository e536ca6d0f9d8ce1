package co.intowork.recruiter.pipeline;

import java.time.OffsetDateTime;

/** Every field of a platform job the client edits, plus its version for optimistic locking. */
public final class Job {
    private Integer id;
    private int version;
    private String title;
    private String description;
    private String requirements;
    private String responsibilities;
    private String benefits;
    private String jobType = JobType.FULL_TIME.dbValue();
    private String locationType = LocationType.ON_SITE.dbValue();
    private String location;
    private Integer salaryMin;
    private Integer salaryMax;
    private String currency = "XAF";
    private String status = JobStatus.DRAFT.dbValue();
    private boolean featured;
    private OffsetDateTime postedAt;
    private OffsetDateTime expiresAt;
    private String country;
    private String zone;
    private String language;
    private String context;
    private String missionPrincipale;
    private String profilFormation;
    private String profilExperience;
    private String profilCompetences;
    private String profilPosture;
    private String profilAutre;
    private String imageUrl;

    public Integer getId() { return id; }
    public void setId(Integer id) { this.id = id; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getRequirements() { return requirements; }
    public void setRequirements(String requirements) { this.requirements = requirements; }
    public String getResponsibilities() { return responsibilities; }
    public void setResponsibilities(String responsibilities) { this.responsibilities = responsibilities; }
    public String getBenefits() { return benefits; }
    public void setBenefits(String benefits) { this.benefits = benefits; }
    public String getJobType() { return jobType; }
    public void setJobType(String jobType) { this.jobType = jobType; }
    public String getLocationType() { return locationType; }
    public void setLocationType(String locationType) { this.locationType = locationType; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public Integer getSalaryMin() { return salaryMin; }
    public void setSalaryMin(Integer salaryMin) { this.salaryMin = salaryMin; }
    public Integer getSalaryMax() { return salaryMax; }
    public void setSalaryMax(Integer salaryMax) { this.salaryMax = salaryMax; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isFeatured() { return featured; }
    public void setFeatured(boolean featured) { this.featured = featured; }
    public OffsetDateTime getPostedAt() { return postedAt; }
    public void setPostedAt(OffsetDateTime postedAt) { this.postedAt = postedAt; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(OffsetDateTime expiresAt) { this.expiresAt = expiresAt; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getContext() { return context; }
    public void setContext(String context) { this.context = context; }
    public String getMissionPrincipale() { return missionPrincipale; }
    public void setMissionPrincipale(String missionPrincipale) { this.missionPrincipale = missionPrincipale; }
    public String getProfilFormation() { return profilFormation; }
    public void setProfilFormation(String profilFormation) { this.profilFormation = profilFormation; }
    public String getProfilExperience() { return profilExperience; }
    public void setProfilExperience(String profilExperience) { this.profilExperience = profilExperience; }
    public String getProfilCompetences() { return profilCompetences; }
    public void setProfilCompetences(String profilCompetences) { this.profilCompetences = profilCompetences; }
    public String getProfilPosture() { return profilPosture; }
    public void setProfilPosture(String profilPosture) { this.profilPosture = profilPosture; }
    public String getProfilAutre() { return profilAutre; }
    public void setProfilAutre(String profilAutre) { this.profilAutre = profilAutre; }
    public String getImageUrl() { return imageUrl; }
    public void setImageUrl(String imageUrl) { this.imageUrl = imageUrl; }

    /**
     * A new draft with this job's fields, for "Copy job": no id, never posted, not featured (the platform's
     * featured slots are paid), and the expiry date only while it is still ahead.
     */
    public Job copyAsDraft(OffsetDateTime now) {
        Job copy = new Job();
        copy.title = title;
        copy.description = description;
        copy.requirements = requirements;
        copy.responsibilities = responsibilities;
        copy.benefits = benefits;
        copy.jobType = jobType;
        copy.locationType = locationType;
        copy.location = location;
        copy.salaryMin = salaryMin;
        copy.salaryMax = salaryMax;
        copy.currency = currency;
        copy.country = country;
        copy.zone = zone;
        copy.language = language;
        copy.context = context;
        copy.missionPrincipale = missionPrincipale;
        copy.profilFormation = profilFormation;
        copy.profilExperience = profilExperience;
        copy.profilCompetences = profilCompetences;
        copy.profilPosture = profilPosture;
        copy.profilAutre = profilAutre;
        copy.imageUrl = imageUrl;
        copy.expiresAt = expiresAt != null && expiresAt.isAfter(now) ? expiresAt : null;
        return copy;
    }
}
