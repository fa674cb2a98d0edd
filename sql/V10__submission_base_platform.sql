-- G1: the white-listed platform base (dir_platform.id) an application relies on, chosen by the PI
-- from the applying unit's platforms on the white list; the platform must relate to the project's
-- field and the PI must be one of its members. NULL for A1 (exempt) or while not chosen.
ALTER TABLE sub_application ADD COLUMN base_platform_id BIGINT NULL AFTER platform_code;
