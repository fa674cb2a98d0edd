-- Formal review (issue 12): what a run prepares before its first chunk (the library's documents
-- indexed, then the round's texts), so that its progress bar moves from the start.
-- prepare_phase: LIBRARY or ROUND while preparing, NULL otherwise.
ALTER TABLE fr_run
  ADD COLUMN prepare_phase VARCHAR(10) NULL,
  ADD COLUMN prepared      INT         NOT NULL DEFAULT 0,
  ADD COLUMN prepare_total INT         NOT NULL DEFAULT 0;
