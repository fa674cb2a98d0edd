-- The append-only audit log every module writes to (kernel).
CREATE TABLE krn_audit (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          TIMESTAMP(6)  NOT NULL,
  actor       VARCHAR(100)  NOT NULL,
  actor_role  VARCHAR(40)   NULL,
  entity_type VARCHAR(60)   NOT NULL,
  entity_id   VARCHAR(60)   NULL,
  action      VARCHAR(60)   NOT NULL,
  from_state  TEXT          NULL,
  to_state    TEXT          NULL,
  reason      VARCHAR(1000) NULL,
  KEY krn_audit_entity (entity_type, entity_id),
  KEY krn_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
