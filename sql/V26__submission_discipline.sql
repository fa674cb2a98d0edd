-- The application's discipline code (学科代码, issue 13): a level-2 code of call_discipline (F06), chosen on
-- every line; the assignment of experts fits experts to it. Null on applications made before it existed.
ALTER TABLE sub_application ADD COLUMN discipline_code VARCHAR(10) NULL AFTER field_code;
