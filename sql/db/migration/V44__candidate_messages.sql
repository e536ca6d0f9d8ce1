-- V44: candidates' messages (issue 21, points 4-6; decision 0023).
--
-- For the web platform: one new recruiter-owned table, and the client may now bump email_templates.usage_count and
-- last_used_at (the platform's own counters of a template's use) for its company's templates. Nothing the platform
-- reads or writes changes. The platform's schema has no table of sent e-mails (notifications are in-app only), so
-- the record of what went out is ours.
--
-- recruiter.candidate_messages is at once the durable outbox and the record colleagues read:
--   id            the message's idempotency key (a UUID made by the client, also the Message-ID's left part): a
--                 message queued twice (an offline outbox replayed again) is one row, sent at most once.
--   state         queued -> sending -> sent; a failure goes back to queued with next_attempt_at later (backoff)
--                 and, after the client's last attempt, failed (a person retries it). "sending" left behind by a
--                 client that died mid-send is never resent by itself: it may have gone out (see the ADR).
--                 handed_over: given to the user's own mail program (no SMTP configured); we cannot know more.
--                 canceled: an undo of the rejection it went with, before it was sent.
--   to_address    the candidate's address as the platform has it, checked by the insert policy: a client cannot
--                 record a message to another address.
-- Row-level security (TO recruiter_app): read: the session's company's messages (colleagues see what went out);
-- insert: by the session's person, for their company, about an application they can read, to its candidate;
-- update (state, attempts, next_attempt_at, last_error, sent_at only): the sender's own rows. No delete.
--
-- Works on every platform shape (platform-schema-variants.md): it reads job_applications' ids only, not status.
-- One transaction; the only platform table touched is email_templates (a column grant, a moment's lock).

CREATE TABLE IF NOT EXISTS recruiter.candidate_messages (
    id              uuid        PRIMARY KEY,
    company_id      integer     NOT NULL,
    application_id  integer     NOT NULL,
    job_id          integer     NOT NULL,
    sender_user_id  integer     NOT NULL,
    template_id     integer,
    template_type   text,
    reason          text,
    to_address      text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    channel         text        NOT NULL DEFAULT 'smtp',
    state           text        NOT NULL DEFAULT 'queued',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT ck_candidate_messages_state CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'handed_over', 'canceled')),
    CONSTRAINT ck_candidate_messages_channel CHECK (channel IN ('smtp', 'mail_program')),
    CONSTRAINT ck_candidate_messages_lengths CHECK (length(subject) BETWEEN 1 AND 998 AND length(body) <= 100000
        AND length(to_address) BETWEEN 3 AND 320 AND coalesce(length(reason), 0) <= 2000
        AND coalesce(length(last_error), 0) <= 2000 AND coalesce(length(template_type), 0) <= 40)
);
-- No foreign keys on purpose (the platform hard-deletes jobs and applications; the record stays).
COMMENT ON TABLE recruiter.candidate_messages IS
    'Messages to candidates: the outbox of the desktop clients and the record of what went out (decision 0023).';
-- a review's "messages sent" list, newest first
CREATE INDEX IF NOT EXISTS ix_candidate_messages_application
    ON recruiter.candidate_messages (application_id, created_at DESC);
-- the sender's queue: what is due, and what is stuck or failed (small: sent rows are not in it)
CREATE INDEX IF NOT EXISTS ix_candidate_messages_open
    ON recruiter.candidate_messages (sender_user_id, next_attempt_at)
    WHERE state IN ('queued', 'sending', 'failed');

ALTER TABLE recruiter.candidate_messages ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruiter_app_read ON recruiter.candidate_messages;
DROP POLICY IF EXISTS recruiter_app_insert ON recruiter.candidate_messages;
DROP POLICY IF EXISTS recruiter_app_update ON recruiter.candidate_messages;
CREATE POLICY recruiter_app_read ON recruiter.candidate_messages FOR SELECT TO recruiter_app
    USING (company_id = (SELECT recruiter.session_company_id()));
CREATE POLICY recruiter_app_insert ON recruiter.candidate_messages FOR INSERT TO recruiter_app
    WITH CHECK (company_id = (SELECT recruiter.session_company_id())
                AND sender_user_id = (SELECT recruiter.session_user_id())
                AND state IN ('queued', 'handed_over') AND attempts = 0 AND sent_at IS NULL
                AND EXISTS (SELECT 1 FROM public.job_applications a
                              JOIN public.jobs j ON j.id = a.job_id
                              JOIN public.candidates c ON c.id = a.candidate_id
                              JOIN public.users u ON u.id = c.user_id
                             WHERE a.id = candidate_messages.application_id
                               AND a.job_id = candidate_messages.job_id
                               AND j.company_id = candidate_messages.company_id
                               AND lower(u.email) = lower(candidate_messages.to_address) OFFSET 0));
CREATE POLICY recruiter_app_update ON recruiter.candidate_messages FOR UPDATE TO recruiter_app
    USING (sender_user_id = (SELECT recruiter.session_user_id())
           AND company_id = (SELECT recruiter.session_company_id()))
    WITH CHECK (sender_user_id = (SELECT recruiter.session_user_id()));

REVOKE ALL ON recruiter.candidate_messages FROM PUBLIC;
GRANT SELECT ON recruiter.candidate_messages TO recruiter_app;
GRANT INSERT (id, company_id, application_id, job_id, sender_user_id, template_id, template_type, reason, to_address,
              subject, body, channel, state, next_attempt_at)
    ON recruiter.candidate_messages TO recruiter_app;
GRANT UPDATE (state, attempts, next_attempt_at, last_error, sent_at) ON recruiter.candidate_messages TO recruiter_app;

-- the platform counts a template's uses; the update policy (V22) keeps it to the company's templates
GRANT UPDATE (usage_count, last_used_at) ON public.email_templates TO recruiter_app;
