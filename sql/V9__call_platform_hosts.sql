-- The in-province host units (依托单位) of the A2 platforms: who may apply for each named centre
-- or lab, and for a kind of carrier each carrier with its host (and, for provincial international
-- joint labs, its overseas co-building unit). Recorded by a programme officer; a removal is kept
-- (removed_at, removed_by, removal_reason), never deleted.
CREATE TABLE call_platform_host (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  platform_id           BIGINT        NOT NULL,
  organisation_id       BIGINT        NOT NULL,   -- dir_organisation.id of the host unit
  carrier_name          VARCHAR(300)  NULL,       -- the carrier itself, for a kind of carrier
  overseas_cobuilder    VARCHAR(300)  NULL,       -- the overseas co-building unit, where required
  added_by              VARCHAR(100)  NOT NULL,
  added_at              TIMESTAMP(6)  NOT NULL,
  reason                VARCHAR(1000) NULL,
  removed_at            TIMESTAMP(6)  NULL,
  removed_by            VARCHAR(100)  NULL,
  removal_reason        VARCHAR(1000) NULL,
  version               BIGINT        NOT NULL DEFAULT 0,
  KEY call_platform_host_platform (platform_id, removed_at),
  KEY call_platform_host_organisation (organisation_id),
  CONSTRAINT call_platform_host_platform FOREIGN KEY (platform_id) REFERENCES call_platform (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
