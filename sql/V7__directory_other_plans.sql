-- Rule G2 across plans: the principal investigators named on the applicant lists of OTHER
-- provincial S&T plans (PROVINCIAL_PLAN, e.g. 省重点研发计划) and of the provincial Natural Science
-- Foundation (NSFC) of a year, imported from Excel by a programme officer. Known by ID document,
-- never by name. An import replaces, for each (year, plan_kind) the file holds, every row of that
-- year and kind; the submission check warns a PI whose ID document is listed for the call's year.
CREATE TABLE dir_other_plan_pi (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  year          INT           NOT NULL,
  plan_kind     VARCHAR(20)   NOT NULL,
  plan_name     VARCHAR(100)  NOT NULL,
  project_title VARCHAR(300)  NOT NULL,
  id_type       VARCHAR(20)   NOT NULL,
  id_number     VARCHAR(30)   NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  unit_name     VARCHAR(200)  NULL,
  import_batch  VARCHAR(36)   NOT NULL,
  source        VARCHAR(255)  NULL,
  imported_at   TIMESTAMP(6)  NOT NULL,
  imported_by   VARCHAR(60)   NOT NULL,
  KEY dir_other_plan_pi_person (id_type, id_number, year),
  KEY dir_other_plan_pi_list (year, plan_kind),
  CONSTRAINT dir_other_plan_pi_kind CHECK (plan_kind IN ('NSFC', 'PROVINCIAL_PLAN')),
  CONSTRAINT dir_other_plan_pi_id_type
    CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
