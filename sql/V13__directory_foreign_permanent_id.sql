-- The foreign permanent resident ID card (外国人永久居留身份证) is a document type of its own
-- (FOREIGN_PERMANENT_ID, 20 characters: the id_type columns are VARCHAR(20)). Only the imported
-- lists of other plans restrict the types by a CHECK; the other tables take any name.
ALTER TABLE dir_other_plan_pi DROP CONSTRAINT dir_other_plan_pi_id_type;

ALTER TABLE dir_other_plan_pi ADD CONSTRAINT dir_other_plan_pi_id_type
  CHECK (id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT',
                     'FOREIGN_PERMANENT_ID'));
