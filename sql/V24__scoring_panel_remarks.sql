-- Expert scoring (issue 13): the officer's consensus remark on an application's panel (one per
-- application; changes audited).
CREATE TABLE sc_panel_remark (
  application_id      BIGINT        NOT NULL PRIMARY KEY,
  call_id             BIGINT        NOT NULL,
  remark              VARCHAR(2000) NOT NULL,
  updated_by          VARCHAR(60)   NOT NULL,
  updated_at          TIMESTAMP(6)  NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  KEY sc_panel_remark_call (call_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
