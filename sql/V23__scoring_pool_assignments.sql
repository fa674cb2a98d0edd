-- Expert scoring (issue 13): the expert pool, the call's review window and options, the
-- assignments of experts to applications (each with its score sheet as the expert fills it in)
-- and the conflicts experts declare.

-- The pool: imported from Excel by the officer; one row per person (by ID document), with the
-- account the expert signs in with (created with a one-time password that must be changed).
CREATE TABLE sc_expert (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_type             VARCHAR(20)   NOT NULL,
  id_number           VARCHAR(30)   NOT NULL,
  name                VARCHAR(100)  NOT NULL,
  unit_name           VARCHAR(200)  NOT NULL,
  unit_credit_code    CHAR(18)      NULL,
  title               VARCHAR(60)   NOT NULL,
  -- discipline codes (the call's field codes), comma-separated, most specific first
  fields              VARCHAR(300)  NOT NULL,
  city                VARCHAR(40)   NOT NULL,
  email               VARCHAR(200)  NOT NULL,
  phone               VARCHAR(30)   NOT NULL,
  username            VARCHAR(60)   NULL,
  max_load            INT           NOT NULL DEFAULT 20,
  active              BOOLEAN       NOT NULL DEFAULT TRUE,
  deactivated_at      TIMESTAMP(6)  NULL,
  deactivated_by      VARCHAR(60)   NULL,
  deactivated_reason  VARCHAR(500)  NULL,
  created_at          TIMESTAMP(6)  NOT NULL,
  created_by          VARCHAR(60)   NOT NULL,
  demo                BOOLEAN       NOT NULL DEFAULT FALSE,
  version             BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY sc_expert_document (id_type, id_number),
  UNIQUE KEY sc_expert_username (username),
  KEY sc_expert_active (active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The call's review: the window experts score in, and the options the officer sets.
CREATE TABLE sc_review (
  call_id             BIGINT        NOT NULL PRIMARY KEY,
  opens_at            TIMESTAMP(6)  NULL,
  closes_at           TIMESTAMP(6)  NULL,
  per_application     INT           NOT NULL DEFAULT 5,
  blind               BOOLEAN       NOT NULL DEFAULT FALSE,
  same_city_conflict  BOOLEAN       NOT NULL DEFAULT FALSE,
  normalise           BOOLEAN       NOT NULL DEFAULT FALSE,
  -- a score this many points from the panel's median is an outlier
  outlier_threshold   DECIMAL(6,2)  NOT NULL DEFAULT 15.00,
  updated_by          VARCHAR(60)   NULL,
  updated_at          TIMESTAMP(6)  NULL,
  version             BIGINT        NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An expert assigned to an application, and the sheet the expert fills in.
-- status: ASSIGNED (not opened), DRAFT (saved), SUBMITTED, CONFLICT (the expert declared one:
-- back to the officer for reassignment), REMOVED (the officer took the expert off).
CREATE TABLE sc_assignment (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id             BIGINT        NOT NULL,
  application_id      BIGINT        NOT NULL,
  expert_id           BIGINT        NOT NULL,
  line_code           VARCHAR(10)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  fit                 INT           NOT NULL DEFAULT 0,
  pinned              BOOLEAN       NOT NULL DEFAULT FALSE,
  assigned_by         VARCHAR(60)   NOT NULL,
  assigned_at         TIMESTAMP(6)  NOT NULL,
  -- the sheet: {criterionCode: score} as JSON, the comment, the verdict, the weighted total
  scores              TEXT          NULL,
  comment             TEXT          NULL,
  verdict             VARCHAR(20)   NULL,
  total               DECIMAL(7,2)  NULL,
  saved_at            TIMESTAMP(6)  NULL,
  submitted_at        TIMESTAMP(6)  NULL,
  reopened_at         TIMESTAMP(6)  NULL,
  reopened_by         VARCHAR(60)   NULL,
  reopen_reason       VARCHAR(500)  NULL,
  reminded_at         TIMESTAMP(6)  NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY sc_assignment_pair (application_id, expert_id),
  KEY sc_assignment_expert (expert_id, status),
  KEY sc_assignment_call (call_id, status),
  CONSTRAINT sc_assignment_expert FOREIGN KEY (expert_id) REFERENCES sc_expert (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A conflict an expert declared on an application (never assigned again, by hand or not).
CREATE TABLE sc_declared_conflict (
  expert_id           BIGINT        NOT NULL,
  application_id      BIGINT        NOT NULL,
  reason              VARCHAR(500)  NOT NULL,
  declared_at         TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (expert_id, application_id),
  CONSTRAINT sc_declared_conflict_expert FOREIGN KEY (expert_id) REFERENCES sc_expert (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
