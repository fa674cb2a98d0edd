-- Issue 9 (directory): a password reset's one-time password must be changed at the next login;
-- a registration keeps what was typed until the unit admin decides, so that a rejected or pending
-- registration does not hold (or overwrite) the person of an ID document.
ALTER TABLE dir_account
  ADD COLUMN must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
  ADD COLUMN password_changed_at  TIMESTAMP(6) NULL,
  ADD COLUMN reg_name             VARCHAR(100) NULL,
  ADD COLUMN reg_phone            VARCHAR(30)  NULL,
  ADD COLUMN reg_email            VARCHAR(200) NULL;

CREATE INDEX dir_account_person_status ON dir_account (person_id, status);
