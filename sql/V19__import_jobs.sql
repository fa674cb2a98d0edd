-- Imports as Jakarta Batch jobs (issue 12): the library of earlier projects and the lists of other
-- plans are imported by a job per upload. The upload is stored with the job (so a job restarted on
-- any server after a crash reads the same file), the job stages what it read and publishes it in
-- one transaction at the end only when every file or row was good; nothing is imported half-way.

-- One import: what it imports (kind), its batch job execution, who owns it in a cluster (owner +
-- heartbeat: a stale heartbeat means the owner died and another server restarts the execution from
-- its checkpoint), its progress (done of total, counted by the job) and its outcome.
CREATE TABLE krn_import_job (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind             VARCHAR(40)   NOT NULL,   -- e.g. library, other-plans
  job_name         VARCHAR(60)   NOT NULL,   -- the batch job (META-INF/batch-jobs/<job_name>.xml)
  status           VARCHAR(20)   NOT NULL,   -- RUNNING | DONE | REFUSED | FAILED
  file_name        VARCHAR(300)  NOT NULL,
  note             VARCHAR(300)  NULL,
  size_bytes       BIGINT        NOT NULL,
  total            INT           NULL,       -- files or rows, once the job has counted them
  done             INT           NOT NULL DEFAULT 0,
  execution_id     BIGINT        NULL,
  owner            VARCHAR(120)  NULL,
  heartbeat_at     TIMESTAMP(6)  NULL,
  restarts         INT           NOT NULL DEFAULT 0,
  started_by       VARCHAR(60)   NOT NULL,
  started_role     VARCHAR(30)   NOT NULL,
  started_at       TIMESTAMP(6)  NOT NULL,
  finished_at      TIMESTAMP(6)  NULL,
  summary          VARCHAR(4000) NULL,       -- what was published (the importing module's text)
  failure          VARCHAR(1000) NULL,
  KEY krn_import_job_kind (kind, id),
  KEY krn_import_job_status (status, heartbeat_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The uploaded file in parts of at most 4 MB (under the server's packet limit); deleted when the
-- job ends.
CREATE TABLE krn_import_upload (
  job_id           BIGINT        NOT NULL,
  part             INT           NOT NULL,
  content          MEDIUMBLOB    NOT NULL,
  PRIMARY KEY (job_id, part),
  CONSTRAINT krn_import_upload_job FOREIGN KEY (job_id) REFERENCES krn_import_job (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The per-file or per-row report: one line per file of a library import (IMPORTED, SKIPPED,
-- REFUSED), one per problem of an other-plans file (REFUSED). Written again when a chunk is done
-- again after a crash (the key is the position), never twice.
CREATE TABLE krn_import_item (
  job_id           BIGINT        NOT NULL,
  position         INT           NOT NULL,
  name             VARCHAR(300)  NOT NULL,   -- the file in the zip, or the cell (pis!G3)
  outcome          VARCHAR(20)   NOT NULL,   -- IMPORTED | SKIPPED | REFUSED
  rule_id          VARCHAR(20)   NULL,
  message_key      VARCHAR(120)  NOT NULL,
  args             VARCHAR(2000) NULL,       -- the message's arguments, JSON array of strings
  PRIMARY KEY (job_id, position),
  KEY krn_import_item_outcome (job_id, outcome),
  CONSTRAINT krn_import_item_job FOREIGN KEY (job_id) REFERENCES krn_import_job (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The library documents an import has read and not yet published (its position in the zip).
CREATE TABLE fr_library_staging (
  job_id           BIGINT        NOT NULL,
  position         INT           NOT NULL,
  title            VARCHAR(300)  NOT NULL,
  file_name        VARCHAR(300)  NOT NULL,
  text_sha256      CHAR(64)      NOT NULL,
  body             MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (job_id, position),
  KEY fr_library_staging_text (job_id, text_sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rows of an other-plans file an import has read and not yet published (its row order).
CREATE TABLE dir_other_plan_staging (
  job_id        BIGINT        NOT NULL,
  position      INT           NOT NULL,
  year          INT           NOT NULL,
  plan_kind     VARCHAR(20)   NOT NULL,
  plan_name     VARCHAR(100)  NOT NULL,
  project_title VARCHAR(300)  NOT NULL,
  id_type       VARCHAR(20)   NOT NULL,
  id_number     VARCHAR(30)   NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  unit_name     VARCHAR(200)  NULL,
  PRIMARY KEY (job_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
