-- Expert scoring (issue 13): each line's score sheet, configured by the officer without code.
-- A line without a row uses the standard sheet (io.hezuo.scoring.domain.ScoreSheet.standard()).
-- The definition is JSON: criteria (code, names, weight, scale, bands), the comment rule.
CREATE TABLE sc_sheet (
  call_id          BIGINT        NOT NULL,
  line_code        VARCHAR(10)   NOT NULL,
  definition       MEDIUMTEXT    NOT NULL,
  updated_by       VARCHAR(60)   NOT NULL,
  updated_at       TIMESTAMP(6)  NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (call_id, line_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
