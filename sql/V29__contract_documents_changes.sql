-- Approval, contracts and funds (issue 14), the contract document (任务书) and its change requests.
-- The contract's state itself is ct_project.contract_state (V27); this keeps what each step left:
-- the lead unit's review, the signed and stamped scan with its SHA-256, the officer's countersignature
-- or return; and the terms a change request may change that ct_project does not hold (the partner in
-- the aided region). Times are instants (UTC).

-- One row per project once anything happened to its contract (a project without a row is a DRAFT
-- that nobody touched yet).
CREATE TABLE ct_contract_document (
  project_id          BIGINT        NOT NULL PRIMARY KEY,
  reviewed_at         TIMESTAMP(6)  NULL,
  reviewed_by         VARCHAR(60)   NULL,
  review_remark       VARCHAR(2000) NULL,
  scan_name           VARCHAR(200)  NULL,
  scan_sha256         CHAR(64)      NULL,
  scan_pages          INT           NULL,
  scan_size           BIGINT        NULL,
  scan                LONGBLOB      NULL,
  uploaded_at         TIMESTAMP(6)  NULL,
  uploaded_by         VARCHAR(60)   NULL,
  countersigned_at    TIMESTAMP(6)  NULL,
  countersigned_by    VARCHAR(60)   NULL,
  returned_at         TIMESTAMP(6)  NULL,
  returned_by         VARCHAR(60)   NULL,
  return_reason       VARCHAR(2000) NULL,
  -- the partner in the aided region as the terms now name it (B lines); null: as the application
  -- named it
  partner_ref         VARCHAR(200)  NULL,
  partner_name        VARCHAR(200)  NULL,
  updated_at          TIMESTAMP(6)  NOT NULL,
  CONSTRAINT ct_contract_document_project FOREIGN KEY (project_id) REFERENCES ct_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A change request of a contract in force: the old and the new value as text (an amount
-- "1000000.00", a period "2026-01-01/2027-12-31", a party's name) with the party's reference (an
-- account's username for the PI, the name for a partner); PENDING → APPROVED / REJECTED. Rows are
-- never deleted: they are the contract's history of changes.
CREATE TABLE ct_change_request (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id          BIGINT        NOT NULL,
  number              VARCHAR(40)   NOT NULL,
  kind                VARCHAR(10)   NOT NULL,
  old_value           VARCHAR(200)  NULL,
  old_ref             VARCHAR(200)  NULL,
  new_value           VARCHAR(200)  NOT NULL,
  new_ref             VARCHAR(200)  NULL,
  justification       VARCHAR(2000) NOT NULL,
  state               VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
  requested_at        TIMESTAMP(6)  NOT NULL,
  requested_by        VARCHAR(60)   NOT NULL,
  decided_at          TIMESTAMP(6)  NULL,
  decided_by          VARCHAR(60)   NULL,
  rejection_reason    VARCHAR(2000) NULL,
  UNIQUE KEY ct_change_request_number (project_id, number),
  KEY ct_change_request_state (state),
  CONSTRAINT ct_change_request_project FOREIGN KEY (project_id) REFERENCES ct_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
