-- Organisations, people (by identity document), accounts and their roles (directory).
CREATE TABLE dir_organisation (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  name_en        VARCHAR(300) NULL,
  credit_code    CHAR(18)     NOT NULL,
  type           VARCHAR(20)  NOT NULL,
  city           VARCHAR(40)  NULL,
  county         VARCHAR(40)  NULL,
  recommender_id BIGINT       NULL,
  is_recommender BOOLEAN      NOT NULL DEFAULT FALSE,
  demo           BOOLEAN      NOT NULL DEFAULT FALSE,
  version        BIGINT       NOT NULL DEFAULT 0,
  UNIQUE KEY dir_organisation_credit_code (credit_code),
  CONSTRAINT dir_organisation_recommender FOREIGN KEY (recommender_id) REFERENCES dir_organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dir_person (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name            VARCHAR(100) NOT NULL,
  id_type         VARCHAR(20)  NOT NULL,
  id_number       VARCHAR(30)  NOT NULL,
  birth_date      DATE         NULL,
  phone           VARCHAR(30)  NULL,
  email           VARCHAR(200) NULL,
  organisation_id BIGINT       NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  UNIQUE KEY dir_person_document (id_type, id_number),
  CONSTRAINT dir_person_organisation FOREIGN KEY (organisation_id) REFERENCES dir_organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dir_account (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username           VARCHAR(60)   NOT NULL,
  password_hash      VARCHAR(200)  NOT NULL,
  person_id          BIGINT        NULL,
  organisation_id    BIGINT        NULL,
  status             VARCHAR(20)   NOT NULL,
  failed_attempts    INT           NOT NULL DEFAULT 0,
  locked_until       TIMESTAMP(6)  NULL,
  preferred_language VARCHAR(8)    NULL,
  created_at         TIMESTAMP(6)  NOT NULL,
  decided_at         TIMESTAMP(6)  NULL,
  decided_by         VARCHAR(60)   NULL,
  decision_reason    VARCHAR(500)  NULL,
  demo               BOOLEAN       NOT NULL DEFAULT FALSE,
  version            BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY dir_account_username (username),
  KEY dir_account_org_status (organisation_id, status),
  CONSTRAINT dir_account_person FOREIGN KEY (person_id) REFERENCES dir_person (id),
  CONSTRAINT dir_account_organisation FOREIGN KEY (organisation_id) REFERENCES dir_organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dir_account_role (
  account_id BIGINT      NOT NULL,
  role       VARCHAR(30) NOT NULL,
  PRIMARY KEY (account_id, role),
  CONSTRAINT dir_account_role_account FOREIGN KEY (account_id) REFERENCES dir_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
