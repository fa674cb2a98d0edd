-- Messages (站内消息) every module may send about one of its entities: a person's note (body) or
-- a notice of the system (body_key and body_args, shown in the reader's language). Each message
-- has its recipients, who read it in their inbox or on the entity's page; nothing is deleted.
CREATE TABLE krn_message (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_type     VARCHAR(60)   NOT NULL,
  entity_id       VARCHAR(60)   NOT NULL,
  sender_username VARCHAR(100)  NULL,       -- NULL: the system
  sender_name     VARCHAR(100)  NULL,
  sender_role     VARCHAR(40)   NULL,
  body            TEXT          NULL,
  body_key        VARCHAR(120)  NULL,
  body_args       TEXT          NULL,       -- the key's arguments, separated by U+001F
  created_at      TIMESTAMP(6)  NOT NULL,
  KEY krn_message_entity (entity_type, entity_id, id),
  CONSTRAINT krn_message_text CHECK (body IS NOT NULL OR body_key IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE krn_message_recipient (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_id  BIGINT        NOT NULL,
  username    VARCHAR(100)  NOT NULL,
  link        VARCHAR(300)  NULL,           -- where the recipient reads the entity
  read_at     TIMESTAMP(6)  NULL,
  UNIQUE KEY krn_message_recipient_once (message_id, username),
  KEY krn_message_recipient_inbox (username, read_at, message_id),
  CONSTRAINT krn_message_recipient_message FOREIGN KEY (message_id) REFERENCES krn_message (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
