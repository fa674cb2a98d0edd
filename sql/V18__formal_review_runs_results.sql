-- Formal review (issue 12): the batch run over a round, its stored results per application, the
-- reviewer's decisions and the integrity records (科研诚信) of similarity failures.

-- A run of the checks over the round (or a selection): the Jakarta Batch job execution that does
-- it, and who owns it in a cluster (owner + heartbeat: a stale heartbeat means the owner died and
-- another node may resume the execution from its checkpoint).
CREATE TABLE fr_run (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  status           VARCHAR(20)   NOT NULL,   -- RUNNING | DONE | FAILED
  total            INT           NOT NULL,
  execution_id     BIGINT        NULL,       -- the batch runtime's execution (the latest restart)
  owner            VARCHAR(120)  NULL,       -- the node that runs it
  heartbeat_at     TIMESTAMP(6)  NULL,
  started_by       VARCHAR(60)   NOT NULL,
  started_at       TIMESTAMP(6)  NOT NULL,
  finished_at      TIMESTAMP(6)  NULL,
  restarts         INT           NOT NULL DEFAULT 0,
  failure          VARCHAR(1000) NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  KEY fr_run_call (call_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The applications of a run in the order the job reads them (its checkpoint is the position).
CREATE TABLE fr_run_item (
  run_id           BIGINT        NOT NULL,
  position         INT           NOT NULL,
  application_id   BIGINT        NOT NULL,
  done             BOOLEAN       NOT NULL DEFAULT FALSE,
  recomputed       BOOLEAN       NOT NULL DEFAULT FALSE,  -- false: its inputs had not changed
  PRIMARY KEY (run_id, position),
  KEY fr_run_item_done (run_id, done)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per call, locked FOR UPDATE to start a run: at most one run of a call at a time.
CREATE TABLE fr_run_guard (
  call_id          BIGINT        NOT NULL PRIMARY KEY,
  run_id           BIGINT        NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The automatic result of every rule for an application, as the latest run computed it. inputs is
-- the SHA-256 of what the checks read (the application's content, the round's membership and
-- contents, the imported lists, the rules' version): a run skips an application whose inputs are
-- unchanged. computations counts how often it was computed (a resumed run must not count twice).
CREATE TABLE fr_result (
  application_id   BIGINT        NOT NULL PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  run_id           BIGINT        NOT NULL,
  inputs           CHAR(64)      NOT NULL,
  automatic        VARCHAR(10)   NOT NULL,   -- PASS | WARNING | FAIL
  failed_rules     VARCHAR(200)  NULL,       -- e.g. "G2,G3"
  checks           MEDIUMTEXT    NOT NULL,   -- JSON: every rule's outcome, message key, arguments, evidence
  computed_at      TIMESTAMP(6)  NOT NULL,
  computations     INT           NOT NULL DEFAULT 1,
  KEY fr_result_call (call_id, automatic)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The formal reviewer's decision on an application (pass / fail with reasons); overriding the
-- automatic result needs a written reason. The application's status moves through submission's API.
CREATE TABLE fr_decision (
  application_id   BIGINT        NOT NULL PRIMARY KEY,
  call_id          BIGINT        NOT NULL,
  decision         VARCHAR(10)   NOT NULL,   -- PASS | FAIL
  rule_ids         VARCHAR(200)  NULL,
  reason           VARCHAR(2000) NULL,
  automatic        VARCHAR(10)   NULL,       -- the automatic result when decided
  overridden       BOOLEAN       NOT NULL DEFAULT FALSE,
  decided_by       VARCHAR(60)   NOT NULL,
  decided_at       TIMESTAMP(6)  NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  KEY fr_decision_call (call_id, decision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Integrity records (科研诚信): an application that failed on similarity (G3), with its figure and
-- top sources as they were when it failed.
CREATE TABLE fr_integrity_record (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id   BIGINT        NOT NULL,
  call_id          BIGINT        NOT NULL,
  rule_id          VARCHAR(10)   NOT NULL,
  percent          VARCHAR(10)   NOT NULL,   -- truncated to two decimals, as shown
  sources          VARCHAR(2000) NULL,       -- acceptance numbers or titles with their percentages
  recorded_by      VARCHAR(60)   NOT NULL,
  recorded_at      TIMESTAMP(6)  NOT NULL,
  UNIQUE KEY fr_integrity_one (application_id, rule_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The library of earlier projects (G3 compares every application of the round with it too): the
-- text taken out of each imported PDF, DOCX or TXT file; a text is held once.
CREATE TABLE fr_library_document (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title            VARCHAR(300)  NOT NULL,
  file_name        VARCHAR(300)  NOT NULL,
  text_sha256      CHAR(64)      NOT NULL,
  body             MEDIUMTEXT    NOT NULL,
  import_batch     VARCHAR(40)   NOT NULL,
  imported_by      VARCHAR(60)   NOT NULL,
  imported_at      TIMESTAMP(6)  NOT NULL,
  UNIQUE KEY fr_library_document_text (text_sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
