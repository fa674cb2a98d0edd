-- Team members (by identity document) and domestic cooperating units of an application.
CREATE TABLE sub_team_member (
  application_id BIGINT       NOT NULL,
  position       INT          NOT NULL,
  name           VARCHAR(100) NOT NULL,
  id_type        VARCHAR(20)  NOT NULL,
  id_number      VARCHAR(30)  NOT NULL,
  unit           VARCHAR(200) NOT NULL,
  role           VARCHAR(100) NULL,
  months         INT          NOT NULL,
  PRIMARY KEY (application_id, position),
  CONSTRAINT sub_team_member_app FOREIGN KEY (application_id) REFERENCES sub_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sub_domestic_partner (
  application_id BIGINT       NOT NULL,
  position       INT          NOT NULL,
  name           VARCHAR(200) NOT NULL,
  PRIMARY KEY (application_id, position),
  CONSTRAINT sub_domestic_partner_app FOREIGN KEY (application_id) REFERENCES sub_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
