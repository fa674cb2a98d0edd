-- The applications recommendation has been told of: one row per ApplicationSubmitted event,
-- written by recommendation's observer after the submission committed (a resubmission after a
-- return adds a row). status_seen is the status submission's API answered when the observer ran
-- (SUBMITTED: the observer sees the committed submission).
CREATE TABLE rec_submitted_application (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id   BIGINT        NOT NULL,   -- sub_application.id
  call_id          BIGINT        NOT NULL,
  line_code        VARCHAR(10)   NOT NULL,
  acceptance_no    VARCHAR(40)   NOT NULL,
  submitted_at     TIMESTAMP(6)  NOT NULL,
  status_seen      VARCHAR(20)   NOT NULL,
  received_at      TIMESTAMP(6)  NOT NULL,
  KEY rec_submitted_application_app (application_id),
  KEY rec_submitted_application_call (call_id, line_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
