-- E-mail (issue 11): the outbox of the kernel's mail channel. A module queues a message in its own
-- transaction (a rollback sends nothing); a sender delivers due rows after the commit, by SMTP or
-- into a mailbox folder, and retries with a growing delay until it gives up (FAILED).
-- A node claims rows by writing its token and a lease (claimed_until) with a conditional UPDATE,
-- so two nodes never send the same row; a node that died mid-send leaves a lease that expires.
CREATE TABLE krn_mail_outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  to_address      VARCHAR(254)  NOT NULL,
  subject         VARCHAR(500)  NOT NULL,
  body            MEDIUMTEXT    NOT NULL,   -- plain text, already in the recipient's language
  entity_type     VARCHAR(60)   NULL,       -- what the message is about (for support and audit)
  entity_id       VARCHAR(60)   NULL,
  status          VARCHAR(10)   NOT NULL,   -- PENDING, SENT, FAILED
  attempts        INT           NOT NULL DEFAULT 0,
  created_at      TIMESTAMP(6)  NOT NULL,
  next_attempt_at TIMESTAMP(6)  NOT NULL,
  last_attempt_at TIMESTAMP(6)  NULL,
  sent_at         TIMESTAMP(6)  NULL,
  last_error      VARCHAR(500)  NULL,
  claim_token     CHAR(36)      NULL,
  claimed_until   TIMESTAMP(6)  NULL,
  KEY krn_mail_outbox_due (status, next_attempt_at, id),
  KEY krn_mail_outbox_entity (entity_type, entity_id, id),
  CONSTRAINT krn_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
