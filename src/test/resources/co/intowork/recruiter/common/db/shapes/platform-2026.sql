-- The platform's schema as its current create_all builds it (platform-schema-variants.md, July 2026): the
-- status is a non-native enum (varchar(11), no applicationstatus type), narrower job columns, no server defaults
-- on companies.is_verified and jobs.currency, no salary CHECK and four indexes fewer.
-- Enum types: labels in the case and order the platform created them.
CREATE TYPE public.userrole AS ENUM ('CANDIDATE', 'EMPLOYER', 'ADMIN');
CREATE TYPE public.skillcategory AS ENUM ('TECHNICAL', 'SOFT', 'LANGUAGE');
CREATE TYPE public.notificationtype AS ENUM ('NEW_APPLICATION', 'STATUS_CHANGE', 'NEW_JOB', 'MESSAGE', 'SYSTEM');
CREATE TYPE public.emailtemplatetype AS ENUM ('WELCOME_CANDIDATE', 'APPLICATION_RECEIVED', 'APPLICATION_REJECTED', 'INTERVIEW_INVITATION', 'INTERVIEW_CONFIRMATION', 'INTERVIEW_REMINDER', 'OFFER_LETTER', 'ONBOARDING', 'CUSTOM');
CREATE TYPE public.interviewschedulestatus AS ENUM ('SCHEDULED', 'CONFIRMED', 'CANCELED', 'COMPLETED', 'RESCHEDULED');
CREATE TYPE public.jobpostingchannel AS ENUM ('INTOWORK', 'LINKEDIN', 'JOBBERMAN', 'BRIGHTERMONDAY', 'FACEBOOK', 'TWITTER', 'CUSTOM');
CREATE TYPE public.integrationprovider AS ENUM ('LINKEDIN', 'GOOGLE_CALENDAR', 'OUTLOOK_CALENDAR', 'JOBBERMAN', 'BRIGHTERMONDAY');
CREATE TYPE public.jobalertfrequency AS ENUM ('INSTANT', 'DAILY', 'WEEKLY');
CREATE TYPE public.cvtemplate AS ENUM ('ELEGANCE', 'BOLD', 'MINIMAL', 'CREATIVE', 'EXECUTIVE');

CREATE TABLE public.users (
    id             serial          NOT NULL,
    email          varchar         NOT NULL,
    email_verified timestamptz,
    password_hash  varchar,
    name           varchar,
    image          varchar,
    role           public.userrole NOT NULL,
    first_name     varchar         NOT NULL,
    last_name      varchar         NOT NULL,
    is_active      boolean,
    created_at     timestamptz     DEFAULT now(),
    updated_at     timestamptz     DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_users_email ON public.users (email);
CREATE INDEX ix_users_id ON public.users (id);

CREATE TABLE public.companies (
    id                 serial      NOT NULL,
    name               varchar     NOT NULL,
    description        text,
    industry           varchar,
    size               varchar,
    website_url        varchar,
    linkedin_url       varchar,
    address            varchar,
    city               varchar,
    country            varchar,
    logo_url           varchar,
    cloudinary_id      varchar,
    created_at         timestamptz DEFAULT now(),
    updated_at         timestamptz DEFAULT now(),
    is_verified        boolean     NOT NULL,
    verified_at        timestamptz,
    targetym_tenant_id integer,
    targetym_api_key   varchar,
    targetym_linked_at timestamptz,
    company_api_key    varchar,
    CONSTRAINT companies_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_companies_company_api_key ON public.companies (company_api_key);
CREATE INDEX ix_companies_id ON public.companies (id);
CREATE INDEX ix_companies_targetym_tenant_id ON public.companies (targetym_tenant_id);

CREATE TABLE public.employers (
    id                    serial      NOT NULL,
    user_id               integer     NOT NULL,
    company_id            integer,
    position              varchar,
    department            varchar,
    phone                 varchar,
    can_create_jobs       boolean,
    can_manage_candidates boolean,
    is_admin              boolean,
    created_at            timestamptz DEFAULT now(),
    updated_at            timestamptz DEFAULT now(),
    CONSTRAINT employers_pkey PRIMARY KEY (id),
    CONSTRAINT employers_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies (id),
    CONSTRAINT employers_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id),
    CONSTRAINT employers_user_id_key UNIQUE (user_id)
);
CREATE INDEX ix_employers_id ON public.employers (id);

CREATE TABLE public.candidates (
    id                     serial      NOT NULL,
    user_id                integer     NOT NULL,
    phone                  varchar,
    location               varchar,
    linkedin_url           varchar,
    website_url            varchar,
    profile_picture_url    varchar,
    title                  varchar,
    summary                text,
    years_experience       integer,
    salary_expectation_min integer,
    salary_expectation_max integer,
    cv_url                 varchar,
    cv_filename            varchar,
    cv_uploaded_at         timestamptz,
    created_at             timestamptz DEFAULT now(),
    updated_at             timestamptz DEFAULT now(),
    CONSTRAINT candidates_pkey PRIMARY KEY (id),
    CONSTRAINT candidates_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id),
    CONSTRAINT candidates_user_id_key UNIQUE (user_id)
);
CREATE INDEX ix_candidates_id ON public.candidates (id);

CREATE TABLE public.candidate_cvs (
    id           serial      NOT NULL,
    candidate_id integer     NOT NULL,
    filename     varchar     NOT NULL,
    file_path    varchar     NOT NULL,
    file_size    integer,
    is_active    boolean,
    created_at   timestamptz DEFAULT now(),
    updated_at   timestamptz DEFAULT now(),
    CONSTRAINT candidate_cvs_pkey PRIMARY KEY (id),
    CONSTRAINT candidate_cvs_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates (id)
);
CREATE INDEX ix_candidate_cvs_id ON public.candidate_cvs (id);

CREATE TABLE public.experiences (
    id           serial      NOT NULL,
    candidate_id integer     NOT NULL,
    title        varchar     NOT NULL,
    company      varchar     NOT NULL,
    location     varchar,
    start_date   varchar     NOT NULL,
    end_date     varchar,
    is_current   boolean,
    description  text,
    created_at   timestamptz DEFAULT now(),
    updated_at   timestamptz DEFAULT now(),
    CONSTRAINT experiences_pkey PRIMARY KEY (id),
    CONSTRAINT experiences_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates (id)
);
CREATE INDEX ix_experiences_id ON public.experiences (id);

CREATE TABLE public.educations (
    id           serial      NOT NULL,
    candidate_id integer     NOT NULL,
    degree       varchar     NOT NULL,
    school       varchar     NOT NULL,
    location     varchar,
    start_date   varchar     NOT NULL,
    end_date     varchar     NOT NULL,
    description  text,
    created_at   timestamptz DEFAULT now(),
    updated_at   timestamptz DEFAULT now(),
    CONSTRAINT educations_pkey PRIMARY KEY (id),
    CONSTRAINT educations_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates (id)
);
CREATE INDEX ix_educations_id ON public.educations (id);

CREATE TABLE public.skills (
    id           serial               NOT NULL,
    candidate_id integer              NOT NULL,
    name         varchar              NOT NULL,
    level        integer              NOT NULL,
    category     public.skillcategory NOT NULL,
    created_at   timestamptz          DEFAULT now(),
    updated_at   timestamptz          DEFAULT now(),
    CONSTRAINT skills_pkey PRIMARY KEY (id),
    CONSTRAINT skills_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates (id)
);
CREATE INDEX ix_skills_id ON public.skills (id);

CREATE TABLE public.jobs (
    id                      serial      NOT NULL,
    employer_id             integer     NOT NULL,
    company_id              integer     NOT NULL,
    title                   varchar     NOT NULL,
    description             text        NOT NULL,
    requirements            text,
    responsibilities        text,
    benefits                text,
    job_type                varchar(10) NOT NULL,
    location_type           varchar(7)  NOT NULL,
    location                varchar,
    salary_min              integer,
    salary_max              integer,
    currency                varchar,
    status                  varchar(9)  NOT NULL,
    is_featured             boolean,
    views_count             integer,
    applications_count      integer,
    posted_at               timestamptz,
    expires_at              timestamptz,
    created_at              timestamptz DEFAULT now(),
    updated_at              timestamptz DEFAULT now(),
    targetym_job_posting_id integer,
    country                 varchar,
    zone                    varchar,
    language                varchar,
    context                 text,
    mission_principale      text,
    profil_formation        text,
    profil_experience       text,
    profil_competences      text,
    profil_posture          text,
    profil_autre            text,
    image_url               varchar,
    image_cloudinary_id     varchar,
    linkedin_published_at   timestamptz,
    CONSTRAINT jobs_pkey PRIMARY KEY (id),
    CONSTRAINT jobs_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies (id),
    CONSTRAINT jobs_employer_id_fkey FOREIGN KEY (employer_id) REFERENCES public.employers (id)
);
CREATE INDEX ix_jobs_country ON public.jobs (country);
CREATE INDEX ix_jobs_id ON public.jobs (id);
CREATE INDEX ix_jobs_language ON public.jobs (language);
CREATE INDEX ix_jobs_targetym_job_posting_id ON public.jobs (targetym_job_posting_id);
CREATE INDEX ix_jobs_title ON public.jobs (title);
CREATE INDEX ix_jobs_zone ON public.jobs (zone);

CREATE TABLE public.job_applications (
    id               serial                   NOT NULL,
    job_id           integer                  NOT NULL,
    candidate_id     integer                  NOT NULL,
    cv_id            integer,
    status           varchar(11)              NOT NULL,
    cover_letter     text,
    cover_letter_url varchar,
    cv_url           varchar,
    notes            text,
    recruiter_notes  jsonb,
    rating           integer,
    tags             jsonb,
    scorecard        jsonb,
    ai_score         double precision,
    ai_score_details jsonb,
    ai_analyzed_at   timestamptz,
    applied_at       timestamptz              DEFAULT now(),
    viewed_at        timestamptz,
    updated_at       timestamptz              DEFAULT now(),
    source_ref       varchar(100),
    CONSTRAINT job_applications_pkey PRIMARY KEY (id),
    CONSTRAINT job_applications_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates (id),
    CONSTRAINT job_applications_cv_id_fkey FOREIGN KEY (cv_id) REFERENCES public.candidate_cvs (id),
    CONSTRAINT job_applications_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs (id)
);
CREATE INDEX ix_job_applications_id ON public.job_applications (id);
CREATE INDEX ix_job_applications_source_ref ON public.job_applications (source_ref);

CREATE TABLE public.notifications (
    id                     serial                  NOT NULL,
    user_id                integer                 NOT NULL,
    type                   public.notificationtype NOT NULL,
    title                  varchar                 NOT NULL,
    message                text                    NOT NULL,
    related_job_id         integer,
    related_application_id integer,
    is_read                boolean,
    read_at                timestamptz,
    created_at             timestamptz             DEFAULT now(),
    CONSTRAINT notifications_pkey PRIMARY KEY (id),
    CONSTRAINT notifications_related_application_id_fkey FOREIGN KEY (related_application_id) REFERENCES public.job_applications (id),
    CONSTRAINT notifications_related_job_id_fkey FOREIGN KEY (related_job_id) REFERENCES public.jobs (id),
    CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_notifications_created_at ON public.notifications (created_at);
CREATE INDEX ix_notifications_id ON public.notifications (id);
CREATE INDEX ix_notifications_is_read ON public.notifications (is_read);
CREATE INDEX ix_notifications_user_id ON public.notifications (user_id);

CREATE TABLE public.interview_schedules (
    id                    serial                         NOT NULL,
    application_id        integer                        NOT NULL,
    created_by_user_id    integer                        NOT NULL,
    title                 varchar                        NOT NULL,
    description           text,
    location              varchar,
    meeting_link          varchar,
    scheduled_at          timestamptz                    NOT NULL,
    duration_minutes      integer,
    timezone              varchar,
    interviewers          jsonb,
    candidate_email       varchar                        NOT NULL,
    status                public.interviewschedulestatus NOT NULL,
    google_event_id       varchar,
    outlook_event_id      varchar,
    reminder_sent         boolean,
    confirmation_received boolean,
    created_at            timestamptz                    DEFAULT now(),
    updated_at            timestamptz                    DEFAULT now(),
    CONSTRAINT interview_schedules_pkey PRIMARY KEY (id),
    CONSTRAINT interview_schedules_application_id_fkey FOREIGN KEY (application_id) REFERENCES public.job_applications (id),
    CONSTRAINT interview_schedules_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_interview_schedules_application_id ON public.interview_schedules (application_id);
CREATE INDEX ix_interview_schedules_id ON public.interview_schedules (id);
CREATE INDEX ix_interview_schedules_scheduled_at ON public.interview_schedules (scheduled_at);

CREATE TABLE public.email_templates (
    id                 serial                   NOT NULL,
    company_id         integer                  NOT NULL,
    created_by_user_id integer                  NOT NULL,
    name               varchar                  NOT NULL,
    type               public.emailtemplatetype NOT NULL,
    subject            varchar                  NOT NULL,
    body               text                     NOT NULL,
    is_active          boolean,
    is_default         boolean,
    usage_count        integer,
    created_at         timestamptz              DEFAULT now(),
    updated_at         timestamptz              DEFAULT now(),
    last_used_at       timestamptz,
    CONSTRAINT email_templates_pkey PRIMARY KEY (id),
    CONSTRAINT email_templates_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies (id),
    CONSTRAINT email_templates_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_email_templates_company_id ON public.email_templates (company_id);
CREATE INDEX ix_email_templates_id ON public.email_templates (id);
CREATE INDEX ix_email_templates_is_active ON public.email_templates (is_active);
CREATE INDEX ix_email_templates_type ON public.email_templates (type);

CREATE TABLE public.job_postings (
    id                 serial                   NOT NULL,
    job_id             integer                  NOT NULL,
    channel            public.jobpostingchannel NOT NULL,
    external_id        varchar,
    is_active          boolean,
    posted_at          timestamptz,
    expires_at         timestamptz,
    views_count        integer,
    clicks_count       integer,
    applications_count integer,
    posting_data       jsonb,
    created_at         timestamptz              DEFAULT now(),
    updated_at         timestamptz              DEFAULT now(),
    CONSTRAINT job_postings_pkey PRIMARY KEY (id),
    CONSTRAINT job_postings_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs (id)
);
CREATE INDEX ix_job_postings_channel ON public.job_postings (channel);
CREATE INDEX ix_job_postings_id ON public.job_postings (id);
CREATE INDEX ix_job_postings_job_id ON public.job_postings (job_id);

CREATE TABLE public.integration_credentials (
    id               serial                     NOT NULL,
    company_id       integer                    NOT NULL,
    user_id          integer                    NOT NULL,
    provider         public.integrationprovider NOT NULL,
    access_token     text                       NOT NULL,
    refresh_token    text,
    token_expires_at timestamptz,
    provider_data    jsonb,
    is_active        boolean,
    last_used_at     timestamptz,
    created_at       timestamptz                DEFAULT now(),
    updated_at       timestamptz                DEFAULT now(),
    CONSTRAINT integration_credentials_pkey PRIMARY KEY (id),
    CONSTRAINT integration_credentials_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies (id),
    CONSTRAINT integration_credentials_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_integration_credentials_company_id ON public.integration_credentials (company_id);
CREATE INDEX ix_integration_credentials_id ON public.integration_credentials (id);
CREATE INDEX ix_integration_credentials_is_active ON public.integration_credentials (is_active);
CREATE INDEX ix_integration_credentials_provider ON public.integration_credentials (provider);

CREATE TABLE public.job_alerts (
    id                   serial                   NOT NULL,
    candidate_id         integer                  NOT NULL,
    name                 varchar                  NOT NULL,
    criteria             jsonb                    NOT NULL,
    frequency            public.jobalertfrequency NOT NULL,
    is_active            boolean,
    jobs_sent_count      integer,
    last_sent_at         timestamptz,
    last_matching_job_id integer,
    created_at           timestamptz              DEFAULT now(),
    updated_at           timestamptz              DEFAULT now(),
    CONSTRAINT job_alerts_pkey PRIMARY KEY (id),
    CONSTRAINT job_alerts_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates (id)
);
CREATE INDEX ix_job_alerts_candidate_id ON public.job_alerts (candidate_id);
CREATE INDEX ix_job_alerts_id ON public.job_alerts (id);
CREATE INDEX ix_job_alerts_is_active ON public.job_alerts (is_active);

CREATE TABLE public.accounts (
    id                  serial      NOT NULL,
    user_id             integer     NOT NULL,
    type                varchar     NOT NULL,
    provider            varchar     NOT NULL,
    provider_account_id varchar     NOT NULL,
    refresh_token       text,
    access_token        text,
    expires_at          integer,
    token_type          varchar,
    scope               varchar,
    id_token            text,
    session_state       varchar,
    created_at          timestamptz DEFAULT now(),
    updated_at          timestamptz DEFAULT now(),
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_accounts_id ON public.accounts (id);
CREATE INDEX ix_accounts_user_id ON public.accounts (user_id);

CREATE TABLE public.sessions (
    id                 serial       NOT NULL,
    user_id            integer      NOT NULL,
    session_token      varchar      NOT NULL,
    expires            timestamptz  NOT NULL,
    refresh_token_hash varchar(255),
    created_at         timestamptz  DEFAULT now(),
    updated_at         timestamptz  DEFAULT now(),
    CONSTRAINT sessions_pkey PRIMARY KEY (id),
    CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_sessions_id ON public.sessions (id);
CREATE INDEX ix_sessions_refresh_token_hash ON public.sessions (refresh_token_hash);
CREATE UNIQUE INDEX ix_sessions_session_token ON public.sessions (session_token);
CREATE INDEX ix_sessions_user_id ON public.sessions (user_id);

CREATE TABLE public.verification_tokens (
    id         serial      NOT NULL,
    identifier varchar     NOT NULL,
    token      varchar     NOT NULL,
    expires    timestamptz NOT NULL,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT verification_tokens_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_verification_tokens_id ON public.verification_tokens (id);
CREATE UNIQUE INDEX ix_verification_tokens_token ON public.verification_tokens (token);

CREATE TABLE public.password_reset_tokens (
    id         serial      NOT NULL,
    user_id    integer     NOT NULL,
    token      varchar     NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT password_reset_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT password_reset_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_password_reset_tokens_id ON public.password_reset_tokens (id);
CREATE UNIQUE INDEX ix_password_reset_tokens_token ON public.password_reset_tokens (token);
CREATE INDEX ix_password_reset_tokens_user_id ON public.password_reset_tokens (user_id);

CREATE TABLE public.cv_documents (
    id               serial            NOT NULL,
    user_id          integer           NOT NULL,
    cv_data          text              NOT NULL,
    template         public.cvtemplate NOT NULL,
    title            varchar,
    slug             varchar           NOT NULL,
    is_public        boolean,
    views_count      integer,
    downloads_count  integer,
    pdf_url          varchar,
    pdf_generated_at timestamptz,
    created_at       timestamptz       DEFAULT now(),
    updated_at       timestamptz       DEFAULT now(),
    CONSTRAINT cv_documents_pkey PRIMARY KEY (id),
    CONSTRAINT cv_documents_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_cv_documents_id ON public.cv_documents (id);
CREATE INDEX ix_cv_documents_is_public ON public.cv_documents (is_public);
CREATE UNIQUE INDEX ix_cv_documents_slug ON public.cv_documents (slug);
CREATE INDEX ix_cv_documents_user_id ON public.cv_documents (user_id);

CREATE TABLE public.cv_analytics (
    id             serial      NOT NULL,
    cv_document_id integer     NOT NULL,
    event_type     varchar     NOT NULL,
    ip_address     varchar,
    user_agent     varchar,
    referrer       varchar,
    country        varchar,
    city           varchar,
    created_at     timestamptz DEFAULT now(),
    CONSTRAINT cv_analytics_pkey PRIMARY KEY (id),
    CONSTRAINT cv_analytics_cv_document_id_fkey FOREIGN KEY (cv_document_id) REFERENCES public.cv_documents (id)
);
CREATE INDEX ix_cv_analytics_created_at ON public.cv_analytics (created_at);
CREATE INDEX ix_cv_analytics_cv_document_id ON public.cv_analytics (cv_document_id);
CREATE INDEX ix_cv_analytics_event_type ON public.cv_analytics (event_type);
CREATE INDEX ix_cv_analytics_id ON public.cv_analytics (id);
