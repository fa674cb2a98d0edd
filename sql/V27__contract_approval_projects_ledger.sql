-- Approval, contracts and funds (issue 14), first part: the approval lists per line (立项), the approved
-- projects with their tranche plans, and each project's ledger (disbursements, transfers to the
-- counterpart partner, changes of the approved amount). Amounts DECIMAL(15,2) in CNY; dates of money
-- movements are calendar days (Asia/Shanghai); times are instants.

-- A line's approval list: the Department's budget for the line, the selection, its public notice.
CREATE TABLE ct_approval_list (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id             BIGINT        NOT NULL,
  line_code           VARCHAR(10)   NOT NULL,
  budget              DECIMAL(15,2) NULL,
  state               VARCHAR(20)   NOT NULL DEFAULT 'SELECTED',
  notice_starts_at    TIMESTAMP(6)  NULL,
  notice_ends_at      TIMESTAMP(6)  NULL,
  published_at        TIMESTAMP(6)  NULL,
  published_by        VARCHAR(60)   NULL,
  finalised_at        TIMESTAMP(6)  NULL,
  finalised_by        VARCHAR(60)   NULL,
  updated_at          TIMESTAMP(6)  NOT NULL,
  updated_by          VARCHAR(60)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY ct_approval_list_line (call_id, line_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An application selected on a list, with the subsidy approved for it.
CREATE TABLE ct_approval_item (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  list_id             BIGINT        NOT NULL,
  application_id      BIGINT        NOT NULL,
  requested           DECIMAL(15,2) NOT NULL,
  approved            DECIMAL(15,2) NOT NULL,
  place               INT           NULL,
  note                VARCHAR(500)  NULL,
  created_at          TIMESTAMP(6)  NOT NULL,
  created_by          VARCHAR(60)   NOT NULL,
  UNIQUE KEY ct_approval_item_application (application_id),
  KEY ct_approval_item_list (list_id),
  CONSTRAINT ct_approval_item_list FOREIGN KEY (list_id) REFERENCES ct_approval_list (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An approved project (one per application once its list is final): what the contract and the
-- ledger hang off. The row is also the ledger's lock: every money movement of the project first locks
-- it (SELECT … FOR UPDATE), so that two transfers at the same moment are judged one after the other.
CREATE TABLE ct_project (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id        BIGINT        NOT NULL,
  call_id               BIGINT        NOT NULL,
  line_code             VARCHAR(10)   NOT NULL,
  acceptance_no         VARCHAR(40)   NULL,
  title_zh              VARCHAR(200)  NOT NULL,
  organisation_id       BIGINT        NOT NULL,
  pi_username           VARCHAR(60)   NOT NULL,
  pi_name               VARCHAR(100)  NOT NULL,
  region_code           VARCHAR(40)   NULL,
  requested             DECIMAL(15,2) NOT NULL,
  approved              DECIMAL(15,2) NOT NULL,
  period_from           DATE          NOT NULL,
  period_to             DATE          NOT NULL,
  max_transfer_percent  DECIMAL(5,2)  NULL,
  planned_transfer      DECIMAL(15,2) NULL,
  onsite_days_per_year  INT           NULL,
  contract_state        VARCHAR(20)   NOT NULL DEFAULT 'DRAFT',
  in_force_at           TIMESTAMP(6)  NULL,
  created_at            TIMESTAMP(6)  NOT NULL,
  created_by            VARCHAR(60)   NOT NULL,
  demo                  BOOLEAN       NOT NULL DEFAULT FALSE,
  version               BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY ct_project_application (application_id),
  KEY ct_project_call_line (call_id, line_code),
  KEY ct_project_organisation (organisation_id),
  KEY ct_project_pi (pi_username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The project's tranche plan (e.g. 70 % on signing, 30 % after the mid-term check); shares add to 100.
CREATE TABLE ct_tranche (
  project_id          BIGINT        NOT NULL,
  number              INT           NOT NULL,
  percent             DECIMAL(5,2)  NOT NULL,
  trigger_kind        VARCHAR(10)   NOT NULL,
  due_on              DATE          NULL,
  reached_on          DATE          NULL,
  PRIMARY KEY (project_id, number),
  CONSTRAINT ct_tranche_project FOREIGN KEY (project_id) REFERENCES ct_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ledger: entries are only added, never changed; the totals are sums of the entries.
--   DISBURSEMENT  the Department's finance paid the lead unit (voucher_no)
--   TRANSFER      the lead unit paid the counterpart partner in the aided region (recipient, voucher_no)
--   APPROVED      the approved subsidy changed (amount = the new approved sum, approved_from = the old)
CREATE TABLE ct_ledger_entry (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id          BIGINT        NOT NULL,
  kind                VARCHAR(20)   NOT NULL,
  entry_date          DATE          NOT NULL,
  amount              DECIMAL(15,2) NOT NULL,
  approved_from       DECIMAL(15,2) NULL,
  voucher_no          VARCHAR(60)   NULL,
  recipient           VARCHAR(200)  NULL,
  reference           VARCHAR(200)  NULL,
  scan_name           VARCHAR(200)  NULL,
  scan_sha256         CHAR(64)      NULL,
  scan                LONGBLOB      NULL,
  recorded_at         TIMESTAMP(6)  NOT NULL,
  recorded_by         VARCHAR(60)   NOT NULL,
  UNIQUE KEY ct_ledger_entry_voucher (project_id, kind, voucher_no),
  KEY ct_ledger_entry_project (project_id, entry_date),
  KEY ct_ledger_entry_kind_date (kind, entry_date),
  CONSTRAINT ct_ledger_entry_project FOREIGN KEY (project_id) REFERENCES ct_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
