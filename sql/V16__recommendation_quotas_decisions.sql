-- Recommendation (R1, R2, G9, D1): quotas, the recommending units' decisions and ranking, the
-- province-wide A2 platform places, each recommender's round (submitted, reopened), the stamped
-- documents bound to the recommended set, and reminders.

-- R1: places a recommender has in a quota group of a call (A3: 'A3'; B1–B4 combined: 'B'), set
-- by the Department. A group without a row has no places.
CREATE TABLE rec_quota (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  recommender_id   BIGINT        NOT NULL,   -- dir_organisation.id (is_recommender)
  quota_group      VARCHAR(10)   NOT NULL,
  places           INT           NOT NULL,
  set_by           VARCHAR(60)   NOT NULL,
  set_at           TIMESTAMP(6)  NOT NULL,
  reason           VARCHAR(500)  NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY rec_quota_one (call_id, recommender_id, quota_group),
  CONSTRAINT rec_quota_places CHECK (places >= 0 AND places <= 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A recommending unit's decision on a confirmed application (one row per application; a decision
-- taken back deletes it). rank_no orders the recommended ones within their rank group (A1, A2, A3,
-- B), from 1.
CREATE TABLE rec_decision (
  application_id   BIGINT        NOT NULL PRIMARY KEY,   -- sub_application.id
  call_id          BIGINT        NOT NULL,
  recommender_id   BIGINT        NOT NULL,
  line_code        VARCHAR(10)   NOT NULL,
  rank_group       VARCHAR(10)   NOT NULL,
  decision         VARCHAR(20)   NOT NULL,   -- RECOMMENDED | NOT_RECOMMENDED | RETURNED
  reason           VARCHAR(1000) NULL,
  rank_no          INT           NULL,
  platform_key     VARCHAR(300)  NULL,       -- A2: the platform (or carrier) the place is for
  decided_by       VARCHAR(60)   NOT NULL,
  decided_at       TIMESTAMP(6)  NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  KEY rec_decision_round (call_id, recommender_id, rank_group, decision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- G9 / R1 for A2: one application per centre, lab or carrier across the whole province. The
-- primary key makes two recommenders racing for one platform end with one place taken.
CREATE TABLE rec_platform_claim (
  call_id          BIGINT        NOT NULL,
  platform_key     VARCHAR(300)  NOT NULL,
  application_id   BIGINT        NOT NULL,
  recommender_id   BIGINT        NOT NULL,
  claimed_at       TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (call_id, platform_key),
  UNIQUE KEY rec_platform_claim_app (application_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A recommender's round in a call: OPEN until it submits (SUBMITTED locks the set); the
-- Department may reopen it with a reason and a new deadline (D1).
CREATE TABLE rec_round (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  recommender_id   BIGINT        NOT NULL,
  status           VARCHAR(20)   NOT NULL,   -- OPEN | SUBMITTED
  set_hash         CHAR(64)      NULL,       -- the recommended set when submitted
  submitted_by     VARCHAR(60)   NULL,
  submitted_at     TIMESTAMP(6)  NULL,
  extended_until   TIMESTAMP(6)  NULL,       -- the Department's later deadline for this recommender
  reopened_by      VARCHAR(60)   NULL,
  reopened_at      TIMESTAMP(6)  NULL,
  reopen_reason    VARCHAR(500)  NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY rec_round_one (call_id, recommender_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R2: the stamped recommendation letter (推荐函), summary table (推荐汇总表) and commitment letter
-- (承诺书), PDF, bound to the hash of the recommended set (in ranking order) when uploaded: a later
-- change of the set or the ranking voids them.
CREATE TABLE rec_document (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  recommender_id   BIGINT        NOT NULL,
  kind             VARCHAR(20)   NOT NULL,   -- LETTER | SUMMARY | COMMITMENT
  file_name        VARCHAR(255)  NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  pages            INT           NOT NULL,
  sha256           CHAR(64)      NOT NULL,
  content          LONGBLOB      NOT NULL,
  set_hash         CHAR(64)      NOT NULL,
  uploaded_by      VARCHAR(60)   NOT NULL,
  uploaded_at      TIMESTAMP(6)  NOT NULL,
  voided_at        TIMESTAMP(6)  NULL,
  void_reason      VARCHAR(40)   NULL,       -- SET_CHANGED | REPLACED
  KEY rec_document_round (call_id, recommender_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reminders the Department sent a recommender (in-app and e-mail).
CREATE TABLE rec_reminder (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  recommender_id   BIGINT        NOT NULL,
  sent_by          VARCHAR(60)   NOT NULL,
  sent_at          TIMESTAMP(6)  NOT NULL,
  note             VARCHAR(1000) NULL,
  KEY rec_reminder_round (call_id, recommender_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
