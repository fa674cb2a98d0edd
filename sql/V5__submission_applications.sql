-- Applications (submission): the PI's form, budget lines, declared targets, attachments,
-- and the extensions an officer grants to one applying unit.
CREATE TABLE sub_application (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id            BIGINT        NOT NULL,
  line_code          VARCHAR(10)   NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  pi_username        VARCHAR(60)   NOT NULL,
  pi_person_id       BIGINT        NULL,
  pi_id_type         VARCHAR(20)   NULL,
  pi_id_number       VARCHAR(30)   NULL,
  pi_name            VARCHAR(100)  NULL,
  organisation_id    BIGINT        NOT NULL,
  title_zh           VARCHAR(200)  NULL,
  title_en           VARCHAR(300)  NULL,
  partner_code       VARCHAR(20)   NULL,
  platform_code      VARCHAR(40)   NULL,
  field_code         VARCHAR(40)   NULL,
  region_code        VARCHAR(40)   NULL,
  topic_code         VARCHAR(40)   NULL,
  partner_name       VARCHAR(300)  NULL,
  partner_country    VARCHAR(100)  NULL,
  partner_contact    VARCHAR(300)  NULL,
  foreign_reference  VARCHAR(100)  NULL,
  foreign_date       DATE          NULL,
  start_month        CHAR(7)       NULL,
  end_month          CHAR(7)       NULL,
  subsidy            DECIMAL(15,2) NULL,
  self_funds         DECIMAL(15,2) NULL,
  transfer_amount    DECIMAL(15,2) NULL,
  onsite_days        INT           NULL,
  text_basis         MEDIUMTEXT    NULL,
  text_content       MEDIUMTEXT    NULL,
  text_route         MEDIUMTEXT    NULL,
  text_cooperation   MEDIUMTEXT    NULL,
  text_outcomes      MEDIUMTEXT    NULL,
  text_indicators    MEDIUMTEXT    NULL,
  acceptance_no      VARCHAR(40)   NULL,
  content_sha256     CHAR(64)      NULL,
  submitted_at       TIMESTAMP(6)  NULL,
  warnings           TEXT          NULL,
  created_at         TIMESTAMP(6)  NOT NULL,
  updated_at         TIMESTAMP(6)  NOT NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY sub_application_acceptance (acceptance_no),
  KEY sub_application_pi (pi_username),
  KEY sub_application_person (call_id, pi_id_type, pi_id_number),
  KEY sub_application_org (organisation_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sub_budget_item (
  application_id BIGINT        NOT NULL,
  category       VARCHAR(40)   NOT NULL,
  amount         DECIMAL(15,2) NOT NULL,
  PRIMARY KEY (application_id, category),
  CONSTRAINT sub_budget_item_app FOREIGN KEY (application_id) REFERENCES sub_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sub_target (
  application_id BIGINT      NOT NULL,
  code           VARCHAR(40) NOT NULL,
  declared       INT         NOT NULL,
  PRIMARY KEY (application_id, code),
  CONSTRAINT sub_target_app FOREIGN KEY (application_id) REFERENCES sub_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sub_attachment (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT        NOT NULL,
  kind           VARCHAR(40)   NOT NULL,
  file_name      VARCHAR(255)  NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  pages          INT           NOT NULL,
  sha256         CHAR(64)      NOT NULL,
  content        LONGBLOB      NOT NULL,
  uploaded_at    TIMESTAMP(6)  NOT NULL,
  uploaded_by    VARCHAR(60)   NOT NULL,
  KEY sub_attachment_app (application_id, kind),
  CONSTRAINT sub_attachment_app FOREIGN KEY (application_id) REFERENCES sub_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sub_extension (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id         BIGINT        NOT NULL,
  organisation_id BIGINT        NOT NULL,
  until_at        TIMESTAMP(6)  NOT NULL,
  reason          VARCHAR(500)  NOT NULL,
  granted_by      VARCHAR(60)   NOT NULL,
  granted_at      TIMESTAMP(6)  NOT NULL,
  KEY sub_extension_org (call_id, organisation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
