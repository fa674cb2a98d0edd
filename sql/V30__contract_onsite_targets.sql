-- Approval, contracts and funds (issue 14): the PI's stays on site in the aided region (B lines; at least
-- 15 days a year, G5) with their evidence, and the yearly progress of the contract's performance targets as
-- the PI reports it and the officer reviews it.
CREATE TABLE ct_onsite_stay (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id          BIGINT        NOT NULL,
  from_date           DATE          NOT NULL,
  to_date             DATE          NOT NULL,
  evidence            VARCHAR(500)  NOT NULL,
  recorded_at         TIMESTAMP(6)  NOT NULL,
  recorded_by         VARCHAR(60)   NOT NULL,
  KEY ct_onsite_stay_project (project_id, from_date),
  CONSTRAINT ct_onsite_stay_project FOREIGN KEY (project_id) REFERENCES ct_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One target's progress in one year: the figure achieved (or, for a target stated only in words, the
-- text), reported by the PI; REPORTED → ACCEPTED or RETURNED (then reported again) by the officer.
CREATE TABLE ct_target_report (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id          BIGINT        NOT NULL,
  report_year         INT           NOT NULL,
  target_code         VARCHAR(60)   NOT NULL,
  achieved            INT           NULL,
  note                VARCHAR(1000) NULL,
  state               VARCHAR(20)   NOT NULL DEFAULT 'REPORTED',
  reported_at         TIMESTAMP(6)  NOT NULL,
  reported_by         VARCHAR(60)   NOT NULL,
  reviewed_at         TIMESTAMP(6)  NULL,
  reviewed_by         VARCHAR(60)   NULL,
  review_remark       VARCHAR(500)  NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY ct_target_report_year (project_id, report_year, target_code),
  CONSTRAINT ct_target_report_project FOREIGN KEY (project_id) REFERENCES ct_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
