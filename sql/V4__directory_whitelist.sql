-- The white list (白名单) of platform bases for rule G1: platforms with their level, host unit and
-- fields, and their members by ID document. Imported from Excel by a programme officer; an import
-- upserts platforms by (name, host unit), withdraws (active = FALSE) the platforms missing from the
-- file (their ids stay valid for applications that name them) and replaces the members.
CREATE TABLE dir_platform (
  id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name                 VARCHAR(200)  NOT NULL,
  level                VARCHAR(20)   NOT NULL,
  host_organisation_id BIGINT        NOT NULL,
  fields               VARCHAR(1000) NOT NULL,
  active               BOOLEAN       NOT NULL DEFAULT TRUE,
  import_batch         VARCHAR(36)   NULL,
  source               VARCHAR(255)  NULL,
  imported_at          TIMESTAMP(6)  NULL,
  version              BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY dir_platform_name_host (name, host_organisation_id),
  KEY dir_platform_host (host_organisation_id, active),
  CONSTRAINT dir_platform_level CHECK (level IN ('NATIONAL', 'MINISTERIAL', 'PROVINCIAL', 'DEPARTMENT')),
  CONSTRAINT dir_platform_host FOREIGN KEY (host_organisation_id) REFERENCES dir_organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dir_platform_member (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  platform_id BIGINT       NOT NULL,
  id_type     VARCHAR(20)  NOT NULL,
  id_number   VARCHAR(30)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  UNIQUE KEY dir_platform_member_document (platform_id, id_type, id_number),
  KEY dir_platform_member_person (id_type, id_number),
  CONSTRAINT dir_platform_member_platform FOREIGN KEY (platform_id) REFERENCES dir_platform (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
