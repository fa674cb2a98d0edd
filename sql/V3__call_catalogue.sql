-- The call module (call_*): calls, their deadlines and the programme catalogue (指南).
-- Calls are DATA: every row hangs off a call (call_id), so next year's call is new rows, no code.
-- Money is DECIMAL(15,2) in CNY; instants are TIMESTAMP(6) in UTC (this script sets the session
-- time zone to UTC while it runs); dates (the notice, foreign deadlines) are DATE.

SET @hz_saved_tz = @@session.time_zone;
SET time_zone = '+00:00';

CREATE TABLE call_call (
  id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code                      VARCHAR(40)   NOT NULL,
  call_year                 INT           NOT NULL,
  status                    VARCHAR(20)   NOT NULL,
  title_zh                  VARCHAR(300)  NOT NULL,
  title_en                  VARCHAR(300)  NOT NULL,
  issuer_zh                 VARCHAR(200)  NOT NULL,
  issuer_en                 VARCHAR(200)  NOT NULL,
  notice_date               DATE          NOT NULL,
  submission_opens_at       TIMESTAMP(6)  NOT NULL,
  submission_closes_at      TIMESTAMP(6)  NOT NULL,
  recommendation_closes_at  TIMESTAMP(6)  NOT NULL,
  version                   BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY call_call_code (code),
  KEY call_call_year (call_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One programme line (A1, A2.1, A2.2, A2.3, A3, B1…B4) of a call.
CREATE TABLE call_line (
  id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id                   BIGINT        NOT NULL,
  code                      VARCHAR(10)   NOT NULL,
  group_code                VARCHAR(10)   NOT NULL,
  sort_order                INT           NOT NULL,
  category                  VARCHAR(20)   NOT NULL,   -- INTERNATIONAL | COUNTERPART
  group_name_zh             VARCHAR(200)  NOT NULL,
  group_name_en             VARCHAR(200)  NOT NULL,
  name_zh                   VARCHAR(200)  NOT NULL,
  name_en                   VARCHAR(200)  NOT NULL,
  cap                       DECIMAL(15,2) NOT NULL,   -- fiscal subsidy cap, CNY
  max_duration_months       INT           NOT NULL,
  applicant_rule            VARCHAR(20)   NOT NULL,   -- ENTERPRISE_LEAD | PLATFORM_HOST | LISTED_TYPES
  allocation                VARCHAR(30)   NOT NULL,   -- COMPETITIVE | SELECTIVE_COMMISSION
  quota_kind                VARCHAR(20)   NOT NULL,   -- NONE | PER_PLATFORM | PER_UNIT | COMBINED
  quota_group               VARCHAR(10)   NULL,       -- lines of one COMBINED quota share this code
  quota_limit               INT           NULL,       -- PER_PLATFORM: applications per platform
  white_list_exempt         BOOLEAN       NOT NULL,   -- G1 does not apply
  requires_cooperation_agreement   BOOLEAN NOT NULL,  -- G4: signed agreement incl. IP ownership
  requires_aid_hq_letter           BOOLEAN NOT NULL,  -- G5: recommendation letter of the aid HQ
  requires_local_partner_agreement BOOLEAN NOT NULL,  -- G5: agreement with the local partner
  max_transfer_percent      DECIMAL(5,2)  NULL,       -- G5: share of the subsidy to the partner
  min_on_site_days_per_year INT           NULL,       -- B: PI on site in the aided region
  content_zh                TEXT          NOT NULL,   -- 主要研究内容
  content_en                TEXT          NOT NULL,
  targets_zh                TEXT          NOT NULL,   -- 绩效目标
  targets_en                TEXT          NOT NULL,
  applicant_zh              TEXT          NOT NULL,   -- 申报主体
  applicant_en              TEXT          NOT NULL,
  requirements_zh           TEXT          NOT NULL,   -- 申报要求 / conditions
  requirements_en           TEXT          NOT NULL,
  version                   BIGINT        NOT NULL DEFAULT 0,
  UNIQUE KEY call_line_code (call_id, code),
  CONSTRAINT call_line_call FOREIGN KEY (call_id) REFERENCES call_call (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The unit types that may apply to a line: ENTERPRISE | UNIVERSITY | INSTITUTE | MEDICAL.
CREATE TABLE call_line_unit_type (
  line_id    BIGINT       NOT NULL,
  unit_type  VARCHAR(20)  NOT NULL,
  PRIMARY KEY (line_id, unit_type),
  CONSTRAINT call_line_unit_type_line FOREIGN KEY (line_id) REFERENCES call_line (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A1 partner countries / regions.
CREATE TABLE call_partner (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id               BIGINT        NOT NULL,
  line_id               BIGINT        NOT NULL,
  code                  VARCHAR(20)   NOT NULL,
  sort_order            INT           NOT NULL,
  name_zh               VARCHAR(100)  NOT NULL,
  name_en               VARCHAR(100)  NOT NULL,
  fields_zh             TEXT          NOT NULL,
  fields_en             TEXT          NOT NULL,
  agency_zh             VARCHAR(200)  NULL,
  agency_en             VARCHAR(200)  NULL,
  agency_url            VARCHAR(300)  NULL,
  foreign_deadline      DATE          NULL,
  foreign_deadline_tba  BOOLEAN       NOT NULL,     -- "外方截止时间待定"
  submission_mode       VARCHAR(20)   NOT NULL,     -- DUAL | UNILATERAL
  note_zh               TEXT          NULL,
  note_en               TEXT          NULL,
  UNIQUE KEY call_partner_code (line_id, code),
  KEY call_partner_call (call_id),
  CONSTRAINT call_partner_call FOREIGN KEY (call_id) REFERENCES call_call (id),
  CONSTRAINT call_partner_line FOREIGN KEY (line_id) REFERENCES call_line (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A2 named platforms (a centre, a lab) or kinds of carrier (each carrier of the kind).
CREATE TABLE call_platform (
  id                           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id                      BIGINT        NOT NULL,
  line_id                      BIGINT        NOT NULL,
  code                         VARCHAR(30)   NOT NULL,
  sort_order                   INT           NOT NULL,
  kind                         VARCHAR(20)   NOT NULL,  -- CENTRE | JOINT_LAB | CARRIER_KIND
  name_zh                      VARCHAR(300)  NOT NULL,
  name_en                      VARCHAR(300)  NOT NULL,
  application_limit            INT           NOT NULL,  -- per centre / lab / carrier
  requires_overseas_cobuilder  BOOLEAN       NOT NULL,  -- must apply with its overseas co-builder
  UNIQUE KEY call_platform_code (line_id, code),
  KEY call_platform_call (call_id),
  CONSTRAINT call_platform_call FOREIGN KEY (call_id) REFERENCES call_call (id),
  CONSTRAINT call_platform_line FOREIGN KEY (line_id) REFERENCES call_line (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A3 fields, grouped by partner group (Belt & Road; USA, Europe and others).
CREATE TABLE call_field (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id        BIGINT        NOT NULL,
  line_id        BIGINT        NOT NULL,
  group_code     VARCHAR(20)   NOT NULL,
  group_name_zh  VARCHAR(200)  NOT NULL,
  group_name_en  VARCHAR(200)  NOT NULL,
  code           VARCHAR(30)   NOT NULL,
  sort_order     INT           NOT NULL,
  name_zh        VARCHAR(200)  NOT NULL,
  name_en        VARCHAR(200)  NOT NULL,
  UNIQUE KEY call_field_code (line_id, code),
  KEY call_field_call (call_id),
  CONSTRAINT call_field_call FOREIGN KEY (call_id) REFERENCES call_call (id),
  CONSTRAINT call_field_line FOREIGN KEY (line_id) REFERENCES call_line (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- B aided regions (对口范围).
CREATE TABLE call_region (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id     BIGINT        NOT NULL,
  line_id     BIGINT        NOT NULL,
  code        VARCHAR(30)   NOT NULL,
  sort_order  INT           NOT NULL,
  name_zh     VARCHAR(200)  NOT NULL,
  name_en     VARCHAR(200)  NOT NULL,
  UNIQUE KEY call_region_code (line_id, code),
  KEY call_region_call (call_id),
  CONSTRAINT call_region_call FOREIGN KEY (call_id) REFERENCES call_call (id),
  CONSTRAINT call_region_line FOREIGN KEY (line_id) REFERENCES call_line (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- B topics (研究方向); an application chooses one and declares targets meeting its minimums (G7).
CREATE TABLE call_topic (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id     BIGINT        NOT NULL,
  line_id     BIGINT        NOT NULL,
  code        VARCHAR(30)   NOT NULL,
  sort_order  INT           NOT NULL,
  name_zh     VARCHAR(200)  NOT NULL,
  name_en     VARCHAR(200)  NOT NULL,
  content_zh  TEXT          NOT NULL,
  content_en  TEXT          NOT NULL,
  UNIQUE KEY call_topic_code (line_id, code),
  KEY call_topic_call (call_id),
  CONSTRAINT call_topic_call FOREIGN KEY (call_id) REFERENCES call_call (id),
  CONSTRAINT call_topic_line FOREIGN KEY (line_id) REFERENCES call_line (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The minimum performance targets of a topic (绩效目标), one row per measurable target.
CREATE TABLE call_topic_target (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id     BIGINT        NOT NULL,
  topic_id    BIGINT        NOT NULL,
  code        VARCHAR(40)   NOT NULL,
  sort_order  INT           NOT NULL,
  label_zh    VARCHAR(300)  NOT NULL,
  label_en    VARCHAR(300)  NOT NULL,
  minimum     INT           NOT NULL,
  unit_zh     VARCHAR(20)   NOT NULL,
  unit_en     VARCHAR(40)   NOT NULL,
  UNIQUE KEY call_topic_target_code (topic_id, code),
  KEY call_topic_target_call (call_id),
  CONSTRAINT call_topic_target_call FOREIGN KEY (call_id) REFERENCES call_call (id),
  CONSTRAINT call_topic_target_topic FOREIGN KEY (topic_id) REFERENCES call_topic (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ------------------------------------------------------------------------------------------
-- Seed: the 2026 call, from the Department's notice of 2025-08-21.
-- Submission 2025-08-22 00:00 → 2025-09-15 17:30, recommendation by 2025-09-19 17:30
-- (Asia/Shanghai, UTC+8), stored in UTC.
-- ------------------------------------------------------------------------------------------

INSERT INTO call_call (code, call_year, status, title_zh, title_en, issuer_zh, issuer_en,
  notice_date, submission_opens_at, submission_closes_at, recommendation_closes_at) VALUES
('2026-HZ', 2026, 'PUBLISHED',
 '2026 年度省“尖兵”“领雁”科技计划科技合作项目',
 '2026 Zhejiang “Jianbing” and “Lingyan” S&T Plan: S&T Cooperation Projects',
 '浙江省科学技术厅', 'Science and Technology Department of Zhejiang Province',
 '2025-08-21', '2025-08-21 16:00:00.000000', '2025-09-15 09:30:00.000000',
 '2025-09-19 09:30:00.000000');

SET @c = (SELECT id FROM call_call WHERE code = '2026-HZ');

-- Texts shared by lines of one kind.
SET @a_coop_zh = '国际（含港澳台）科技合作项目须附上合作协议，合作双方事先对知识产权归属和产品或工艺的商业化达成共识，具有明确的分工。';
SET @a_coop_en = 'International projects attach the signed cooperation agreement; both sides have agreed beforehand on IP ownership and on the commercialisation of products or processes, with a clear division of work.';
SET @a2_content_zh = '按照平台、项目一体化配置的要求，支持国际科技合作重大平台加强与海外合作机构的机制性合作，围绕平台建设目标任务和合作内容，开展联合研发、技术对接和成果转化，构建合作网络，赋能合作平台建设提质增效。';
SET @a2_targets_zh = '通过高水平项目合作，推动重大科技合作平台落实“元首外交”共识，构建全球合作网络，开展高质量国际研发合作与成果转化，高水平参与全球研发分工和全球创新治理，提升国合载体的建设质效。';
SET @a2_targets_en = 'Through high-level joint projects, help the major cooperation platforms deliver on the consensus of head-of-state diplomacy, build a global cooperation network, carry out high-quality international R&D and technology transfer, take part in the global division of R&D and in global innovation governance, and raise the quality of the international cooperation carriers.';
SET @a2_applicant_zh = '各合作平台的省内依托单位。中外双方合作机构已有较好的合作基础，并对合作形成的知识产权归属和利益分配已有合理划分约定并签署项目合作协议。';
SET @a2_applicant_en = 'The in-province host unit of the platform. The Chinese and foreign partners already cooperate well, have agreed on the ownership of IP and the sharing of benefits, and have signed a project cooperation agreement.';
SET @b_req_en = 'Projects must drive local industry and economic development and improve people''s livelihoods. A recommendation letter from the aid headquarters (prefecture level or above) is required. The lead unit submits a cooperation agreement with the local partner setting out the division of tasks, the ownership of IP and how disputes are settled. The PI works in the aided region at least 15 days per year of the implementation period. The lead unit may transfer at most 50 % of the fiscal subsidy to the partner in the aided region, as the contract states.';
SET @b_quota_note_zh = '对口支援与东西部协作项目推荐限额合并计算，可登录申报系统查询。';

INSERT INTO call_line (call_id, code, group_code, sort_order, category, group_name_zh, group_name_en,
  name_zh, name_en, cap, max_duration_months, applicant_rule, allocation, quota_kind, quota_group,
  quota_limit, white_list_exempt, requires_cooperation_agreement, requires_aid_hq_letter,
  requires_local_partner_agreement, max_transfer_percent, min_on_site_days_per_year,
  content_zh, content_en, targets_zh, targets_en, applicant_zh, applicant_en,
  requirements_zh, requirements_en) VALUES
(@c, 'A1', 'A1', 10, 'INTERNATIONAL', '政府间科技合作项目', 'Intergovernmental S&T cooperation projects',
 '政府间科技合作项目', 'Intergovernmental S&T cooperation projects',
 1500000.00, 36, 'ENTERPRISE_LEAD', 'COMPETITIVE', 'NONE', NULL, NULL, TRUE, TRUE, FALSE, FALSE, NULL, NULL,
 '面向与我厅签署科技合作协议的重点合作国家（地区），按照共商共议机制，由双方创新主体围绕议定的技术领域，开展产业间联合技术研发及技术转移等合作。',
 'With the key partner countries and regions that have signed an S&T cooperation agreement with the Department, innovators of both sides jointly carry out industrial R&D and technology transfer in the agreed technical fields, under a mechanism of joint consultation.',
 '充分发挥双方产业、科技的比较优势，开展面向产业领域的科技创新合作，在重点领域实现创新资源高效配置及重大任务分工合作，带动双方重点产业的良性互动与融合发展，进一步引领和深化我省与重点国家（地区）的创新合作伙伴关系。',
 'Use the comparative industrial and technological strengths of both sides for industry-oriented innovation, allocate innovation resources efficiently and share major tasks in key fields, drive the interaction and integration of both sides'' key industries, and deepen Zhejiang''s innovation partnerships with key countries and regions.',
 '企业牵头，鼓励产学研合作。已与合作外方建立稳定的科技合作关系，具有良好的合作基础和成效。合作双方事先对知识产权归属和产品或工艺的商业化达成共识，具有明确的分工，已签署相关合作协议。',
 'Led by an enterprise; industry-academia-research partnerships are encouraged. A stable S&T cooperation with the foreign partner, with a good record, already exists. Both sides have agreed beforehand on IP ownership and commercialisation, have a clear division of work and have signed a cooperation agreement.',
 CONCAT(@a_coop_zh, '不受“白名单”平台基地要求限制。推荐限额：无。浙方与外方须分别在规定时间内向各自主管部门提交申报材料的（双边申报），单方申报项目无效。'),
 CONCAT(@a_coop_en, ' Exempt from the white-list platform rule (G1). No recommendation quota. Where the partner is marked dual submission, both sides submit to their own agency in time; a one-sided application is void.')),

(@c, 'A2.1', 'A2', 20, 'INTERNATIONAL', '重大科技合作平台联合研发项目', 'Joint R&D projects of major cooperation platforms',
 '服务“元首外交”科技合作项目', 'S&T cooperation projects serving head-of-state diplomacy',
 1500000.00, 36, 'PLATFORM_HOST', 'SELECTIVE_COMMISSION', 'PER_PLATFORM', NULL, 1, FALSE, TRUE, FALSE, FALSE, NULL, NULL,
 CONCAT(@a2_content_zh, '支持金砖国家深海资源国际研究中心、中国-阿拉伯国家公共卫生科技合作中心的依托单位围绕中心建设方案和重点领域，开展与金砖国家、阿拉伯国家相关创新主体的合作研究、平台共建、技术转移、人才培养，落实服务“元首外交”的各项任务。每个中心各限报 1 项。'),
 'The host units of the BRICS International Research Center for Deep-sea Resources and of the China–Arab States Public Health S&T Cooperation Center carry out joint research, platform co-building, technology transfer and training with innovators of the BRICS and Arab states, following each centre''s construction plan and key fields. One application per centre.',
 @a2_targets_zh, @a2_targets_en, @a2_applicant_zh, @a2_applicant_en,
 CONCAT(@a_coop_zh, '择优委托。推荐限额：每个中心各限报 1 项。'),
 CONCAT(@a_coop_en, ' Selective commission. Quota: one application per centre.')),

(@c, 'A2.2', 'A2', 30, 'INTERNATIONAL', '重大科技合作平台联合研发项目', 'Joint R&D projects of major cooperation platforms',
 '国家“一带一路”联合实验室科技合作项目', 'S&T cooperation projects of national Belt and Road joint laboratories',
 1500000.00, 36, 'PLATFORM_HOST', 'SELECTIVE_COMMISSION', 'PER_PLATFORM', NULL, 1, FALSE, TRUE, FALSE, FALSE, NULL, NULL,
 CONCAT(@a2_content_zh, '支持中国-巴基斯坦小型水电技术“一带一路”联合实验室、中国-葡萄牙先进材料“一带一路”联合实验室、中国-新加坡传染病防治与药物研发“一带一路”联合实验室、中国-奥地利人工智能与先进制造“一带一路”联合实验室、中国-莫桑比克智慧农业“一带一路”联合实验室的依托单位围绕联合实验室建设方案和重点任务，与联合实验室共建单位合作开展科学研究、技术研发、先进适用技术示范推广和转移转化。每个联合实验室限报 1 项。'),
 'The host units of the five national Belt and Road joint laboratories (China–Pakistan small hydropower; China–Portugal advanced materials; China–Singapore infectious disease prevention and drug R&D; China–Austria AI and advanced manufacturing; China–Mozambique smart agriculture) work with the labs'' co-building units on research, technology development, demonstration and transfer of advanced applicable technology. One application per laboratory.',
 @a2_targets_zh, @a2_targets_en, @a2_applicant_zh, @a2_applicant_en,
 CONCAT(@a_coop_zh, '择优委托。推荐限额：每个联合实验室限报 1 项。'),
 CONCAT(@a_coop_en, ' Selective commission. Quota: one application per laboratory.')),

(@c, 'A2.3', 'A2', 40, 'INTERNATIONAL', '重大科技合作平台联合研发项目', 'Joint R&D projects of major cooperation platforms',
 '国际科技合作载体科技合作项目', 'S&T cooperation projects of international cooperation carriers',
 1500000.00, 36, 'PLATFORM_HOST', 'COMPETITIVE', 'PER_PLATFORM', NULL, 1, FALSE, TRUE, FALSE, FALSE, NULL, NULL,
 CONCAT(@a2_content_zh, '支持在浙的科技部国际科技合作基地、2024 年度绩效评价结果为“优秀”的省级国际联合实验室、2023 年度绩效评价结果为“优秀”的省科技厅国际科技合作基地的依托单位，围绕载体建设领域和重点任务，与海外合作单位联合开展高水平科学研究、前沿关键技术研发、先进适用技术示范推广和转移转化，积极参与打造完备的全球创新链、产业链合作体系。每个合作载体限报 1 项，其中省级国际联合实验室须与联合实验室的海外共建单位合作申报。'),
 'The host units of MOST international S&T cooperation bases in Zhejiang, of provincial international joint laboratories rated “excellent” in the 2024 evaluation and of Department international cooperation bases rated “excellent” in the 2023 evaluation work with overseas partners on high-level research, frontier key technologies, demonstration and transfer. One application per carrier; a provincial international joint laboratory applies together with its overseas co-building unit.',
 @a2_targets_zh, @a2_targets_en, @a2_applicant_zh, @a2_applicant_en,
 CONCAT(@a_coop_zh, '竞争性分配。推荐限额：每个合作载体限报 1 项，其中省级国际联合实验室须与联合实验室的海外共建单位合作申报。'),
 CONCAT(@a_coop_en, ' Competitive. Quota: one application per carrier; a provincial international joint laboratory must apply together with its overseas co-building unit.')),

(@c, 'A3', 'A3', 50, 'INTERNATIONAL', '重点国家战略性合作项目', 'Strategic cooperation projects with key countries',
 '重点国家战略性合作项目', 'Strategic cooperation projects with key countries',
 1500000.00, 36, 'LISTED_TYPES', 'COMPETITIVE', 'PER_UNIT', NULL, NULL, FALSE, TRUE, FALSE, FALSE, NULL, NULL,
 '支持我省创新主体与“一带一路”共建国家在可持续发展技术、空间信息科技、科技减贫、创新创业、人工智能、中医药等重点领域，开展联合研发、技术转移转化和海外应用示范；支持我省创新主体与美国、欧洲等国家在气候变化、卫生健康、粮食安全等领域开展联合研究与合作交流，推进开放创新合作网络构建。',
 'Joint R&D, technology transfer and overseas demonstration with Belt and Road countries in sustainable development technology, spatial information, S&T poverty reduction, innovation and entrepreneurship, AI and traditional Chinese medicine; joint research and exchange with the USA, Europe and other countries on climate change, health and food security, building an open innovation network.',
 '通过参与“一带一路”科技创新合作，稳步推动多领域创新链、产业链务实合作，不断拓宽更高水平、更具韧性、更可持续的共赢发展新空间。通过与重点国家开展合作，在双方共同关注的重大议题和全球性挑战领域，深化联合科研攻关，加大全球科技公共产品供给，深度参与全球科技治理。',
 'Through Belt and Road S&T cooperation, advance practical cooperation along innovation and industrial chains in many fields and open up higher-level, more resilient and more sustainable room for shared development. With key countries, deepen joint research on major issues of common concern and global challenges, supply more global S&T public goods and take a deep part in global S&T governance.',
 '企业、高校、科研机构、医疗卫生机构。中外双方合作机构已有较好的合作基础，并对合作形成的知识产权归属和利益分配已有合理划分约定并签署项目合作协议。',
 'Enterprises, universities, research institutes, medical and health institutions. The Chinese and foreign partners already cooperate well, have agreed on the ownership of IP and the sharing of benefits, and have signed a project cooperation agreement.',
 CONCAT(@a_coop_zh, '竞争性分配。推荐限额：可登录申报系统查询（由省科技厅按推荐单位设定）。'),
 CONCAT(@a_coop_en, ' Competitive. Quota: per recommending unit, as set by the Department in the system.')),

(@c, 'B1', 'B1', 60, 'COUNTERPART', '新疆科技对口支援项目', 'Xinjiang counterpart S&T support projects',
 '新疆科技对口支援项目', 'Xinjiang counterpart S&T support projects',
 600000.00, 36, 'LISTED_TYPES', 'COMPETITIVE', 'COMBINED', 'B', NULL, FALSE, FALSE, TRUE, TRUE, 50.00, 15,
 '针对南疆地区特色资源，开展盐碱水养殖关键技术引进推广，选育高值水产品，建立集约化养殖技术标准；针对苹果、冬枣等大规模种植经济作物，肉苁蓉、甘草、鹰嘴豆等高值特色作物以及骆驼等特色畜牧，开展品质提升与高值化、保鲜贮运技术、精深加工与产品开发；针对纺织服装、能源化工等主导产业开展新技术、新工艺的产业化应用和新产品开发；针对边疆地区高发疾病和重点需求，开展人工智能和大数据技术驱动下的临床诊治、精准用药等技术体系应用推广。',
 'For the special resources of southern Xinjiang: saline-alkali water aquaculture and high-value aquatic varieties; quality, value, storage and deep processing of apple, winter jujube, cistanche, licorice, chickpea and camel; new technologies, processes and products for the textile/apparel and energy/chemical industries; AI- and big-data-driven clinical diagnosis and precision medication for diseases common in the frontier regions.',
 '开发适宜工厂化养殖的盐碱水调控技术 1 套，选育高值水产品种不少于 1 个，建立水产孵化培育推广技术规范 1 套，建立养殖示范基地不少 2 个，培育产业技术人才不少于 30 人。建立特色农牧产品栽培养殖或智能管理相关技术规程 1 套，建立技术示范基地不少于 1 个，开发新产品（新品种）不少于 1 个，培育产业技术人才不少于 30 人。针对主导产业运用新技术、新工艺建立中试或示范生产线 1 条，制定行业标准不少于 1 项，开发新产品（品系）不少于 1 个。建立人工智能和大数据技术驱动下针对特定病种的临床诊治或精准用药等技术体系 1 套，培训当地医护人员不少于 20 人，通过临床应用验证，提高边疆地区患者对优质医疗服务的可及性。',
 'Minimum targets by topic: aquaculture — 1 saline-alkali water regulation technology, ≥ 1 high-value aquatic variety, 1 hatchery specification, ≥ 2 demonstration bases, ≥ 30 people trained; crops/livestock — 1 technical regulation, ≥ 1 demonstration base, ≥ 1 new product or variety, ≥ 30 people trained; industry — 1 pilot or demonstration line, ≥ 1 industry standard, ≥ 1 new product; medical — 1 diagnosis or medication system for a named disease, ≥ 20 local medical staff trained, validated in clinical use.',
 '企业、高校、科研机构、医疗卫生机构', 'Enterprises, universities, research institutes, medical and health institutions',
 CONCAT('对口范围为新疆阿克苏地区、兵团第一师。突出项目实施质效导向，以科技合作项目实施带动当地产业和经济高质量发展，促进民生改善、群众致富。项目申报须由帮扶地市级及以上指挥部（工作队）出具推荐函。牵头申报单位须提交与当地合作单位的合作协议，明确各自的分工任务、产生知识产权的权属及纠纷处置等事宜。项目负责人在项目实施期内每年赴帮扶地开展工作时间累计不少于 15 天。牵头单位可按合同约定拨付不超过财政补助经费的 50% 至帮扶地合作方。', @b_quota_note_zh),
 CONCAT('Aided region: Aksu Prefecture and the XPCC 1st Division. ', @b_req_en, ' One recommendation quota is shared by B1–B4.')),

(@c, 'B2', 'B2', 70, 'COUNTERPART', '四川、重庆科技合作项目', 'Sichuan and Chongqing S&T cooperation projects',
 '四川、重庆科技合作项目', 'Sichuan and Chongqing S&T cooperation projects',
 600000.00, 36, 'LISTED_TYPES', 'COMPETITIVE', 'COMBINED', 'B', NULL, FALSE, FALSE, TRUE, TRUE, 50.00, 15,
 '结合当地需求，开展林下灵芝、甜樱桃等作物以及畜牧、水产新品种选育、高效栽培繁育（养殖）及病害防治等适用技术的推广落地，建立并应用标准化生产、品质控制、病害防治等技术体系；开展当地特色农（牧、渔）产品生产加工技术的改良与推广，开发针对市场消费需求的新产品。',
 'Breeding, efficient cultivation and disease control for understory Ganoderma, sweet cherry and other crops, livestock and aquatic products, with standardised production, quality control and disease-control systems; better processing of local agricultural, livestock and fishery products and new products for the market.',
 '开发当地特色作物（畜牧、水产）品种不少于 1 个，制定栽培繁育（养殖）与病害防控一体化技术体系 1 套，建立技术应用示范基地 1 个；针对当地特色农（牧、渔）产品，形成高值化加工工艺不少于 1 套并进行推广应用，培育产业技术人才不少于 30 名。',
 'Minimum targets: ≥ 1 local crop, livestock or aquatic variety, 1 integrated cultivation/breeding and disease-control system, 1 demonstration base, ≥ 1 high-value processing process in use, ≥ 30 people trained.',
 '企业、高校、科研机构', 'Enterprises, universities, research institutes',
 CONCAT('对口范围为四川 12 市（州）68 县，重庆万州区、涪陵区。突出项目实施质效导向，以科技合作项目实施带动当地产业和经济高质量发展，促进民生改善、群众致富。项目申报须由对口地市级及以上指挥部（工作队）出具推荐函。牵头申报单位须提交与当地合作单位的合作协议，明确各自的分工任务、产生知识产权的权属及纠纷处置等事宜。项目负责人在项目实施期内每年赴帮扶地开展工作时间累计不少于 15 天。牵头单位可按合同约定拨付不超过财政补助经费的 50% 至帮扶地合作方。', @b_quota_note_zh),
 CONCAT('Aided region: 68 counties of 12 cities/prefectures of Sichuan; Wanzhou and Fuling districts of Chongqing. ', @b_req_en, ' One recommendation quota is shared by B1–B4.')),

(@c, 'B3', 'B3', 80, 'COUNTERPART', '青海科技对口支援项目', 'Qinghai counterpart S&T support projects',
 '青海科技对口支援项目', 'Qinghai counterpart S&T support projects',
 600000.00, 36, 'LISTED_TYPES', 'COMPETITIVE', 'COMBINED', 'B', NULL, FALSE, FALSE, TRUE, TRUE, 50.00, 15,
 '开展适应当地资源禀赋条件的清洁能源、盐湖资源、绿色生态等开发利用保护技术研究，推动当地清洁能源产业、盐湖产业和绿色生态产业向高端化、智能化、绿色化迈进。开展牛羊等农牧产品及其副产品高值化加工利用及智能生产管理等方面技术推广应用，开发系列深加工新产品。',
 'Technologies for developing and protecting clean energy, salt-lake resources and the green ecology, moving these local industries towards high-end, smart and green; high-value processing and smart production of cattle, sheep and other agricultural and pastoral products and by-products, with new deep-processed products.',
 '针对清洁能源、盐湖资源、绿色生态等开发利用保护项目，须开发或引进推广新技术不少于 1 项，建立技术示范应用基地不少于 1 个，开发新产品或新工艺不少于 1 个。针对农牧产品高值化加工利用项目，须建立加工工艺或智能管理技术规程 1 套，建立示范应用基地不少于 1 个，开发新产品（新品种）不少于 1 个，培育产业技术人才不少于 30 人。',
 'Minimum targets by topic: clean energy / salt lake / ecology — ≥ 1 new technology, ≥ 1 demonstration base, ≥ 1 new product or process; agricultural processing — 1 processing or smart-management specification, ≥ 1 demonstration base, ≥ 1 new product or variety, ≥ 30 people trained.',
 '企业、高校、科研机构', 'Enterprises, universities, research institutes',
 CONCAT('对口范围为青海海西州。突出项目实施质效导向，以科技合作项目实施带动当地产业和经济高质量发展，促进民生改善、群众致富。项目申报须由对口地市级及以上指挥部（工作队）出具推荐函。牵头申报单位须提交与当地合作单位的合作协议，明确各自的分工任务、产生知识产权的权属及纠纷处置等事宜。项目负责人在项目实施期内每年赴帮扶地开展工作时间累计不少于 15 天。牵头单位可按合同约定拨付不超过财政补助经费的 50% 至帮扶地合作方。', @b_quota_note_zh),
 CONCAT('Aided region: Haixi Prefecture. ', @b_req_en, ' One recommendation quota is shared by B1–B4.')),

(@c, 'B4', 'B4', 90, 'COUNTERPART', '西藏科技对口支援项目', 'Tibet counterpart S&T support projects',
 '西藏科技对口支援项目', 'Tibet counterpart S&T support projects',
 600000.00, 36, 'LISTED_TYPES', 'COMPETITIVE', 'COMBINED', 'B', NULL, FALSE, FALSE, TRUE, TRUE, 50.00, 15,
 '开展那曲农牧特色资源功效分析与评价技术研究与应用推广，开发有效成分提取利用技术，创新生产加工工艺，研制系列新产品。开展高原高寒地区的多发性疾病预防管理、检测筛查、治疗康复等环节的医疗技术升级优化，推广先进适用技术体系，提升当地高发病诊疗水平。',
 'Efficacy analysis of Nagqu''s special agricultural and pastoral resources, extraction of active ingredients, new processing and new products; better prevention, screening, treatment and rehabilitation of diseases common at high altitude, spreading advanced applicable technology.',
 '针对那曲农牧特色资源开发利用项目，须建立资源开发工艺或新品种选育技术体系 1 套，开发或选育新产品（新品种）1 个以上，建立技术示范应用基地不少于 1 个，培育产业专业技术人才不少于 20 人。针对地方高发病诊治技术项目，须开发或引进推广当地适用的疾病诊治技术体系 1 套，形成诊治技术标准 1 个，培训熟练掌握相关医疗技术的当地医护人员 10 名以上。',
 'Minimum targets by topic: resources — 1 process or breeding system, ≥ 1 new product or variety, ≥ 1 demonstration base, ≥ 20 people trained; medical — 1 diagnosis and treatment system, 1 diagnosis and treatment standard, ≥ 10 local medical staff trained.',
 '企业、高校、科研机构、医疗卫生机构', 'Enterprises, universities, research institutes, medical and health institutions',
 CONCAT('对口范围为西藏那曲市。突出项目实施质效导向，以科技合作项目实施带动当地产业和经济高质量发展，促进民生改善、群众致富。项目申报须由对口地市级及以上指挥部（工作队）出具推荐函。牵头申报单位须提交与当地合作单位的合作协议，明确各自的分工任务、产生知识产权的权属及纠纷处置等事宜。项目负责人在项目实施期内每年赴帮扶地开展工作时间累计不少于 15 天。牵头单位可按合同约定拨付不超过财政补助经费的 50% 至帮扶地合作方。', @b_quota_note_zh),
 CONCAT('Aided region: Nagqu. ', @b_req_en, ' One recommendation quota is shared by B1–B4.'));

SET @a1  = (SELECT id FROM call_line WHERE call_id = @c AND code = 'A1');
SET @a21 = (SELECT id FROM call_line WHERE call_id = @c AND code = 'A2.1');
SET @a22 = (SELECT id FROM call_line WHERE call_id = @c AND code = 'A2.2');
SET @a23 = (SELECT id FROM call_line WHERE call_id = @c AND code = 'A2.3');
SET @a3  = (SELECT id FROM call_line WHERE call_id = @c AND code = 'A3');
SET @b1  = (SELECT id FROM call_line WHERE call_id = @c AND code = 'B1');
SET @b2  = (SELECT id FROM call_line WHERE call_id = @c AND code = 'B2');
SET @b3  = (SELECT id FROM call_line WHERE call_id = @c AND code = 'B3');
SET @b4  = (SELECT id FROM call_line WHERE call_id = @c AND code = 'B4');

-- Who may apply. A1: an enterprise leads. A2: the host unit of the named platform, of any type.
INSERT INTO call_line_unit_type (line_id, unit_type) VALUES
(@a1, 'ENTERPRISE'),
(@a21, 'ENTERPRISE'), (@a21, 'UNIVERSITY'), (@a21, 'INSTITUTE'), (@a21, 'MEDICAL'),
(@a22, 'ENTERPRISE'), (@a22, 'UNIVERSITY'), (@a22, 'INSTITUTE'), (@a22, 'MEDICAL'),
(@a23, 'ENTERPRISE'), (@a23, 'UNIVERSITY'), (@a23, 'INSTITUTE'), (@a23, 'MEDICAL'),
(@a3, 'ENTERPRISE'), (@a3, 'UNIVERSITY'), (@a3, 'INSTITUTE'), (@a3, 'MEDICAL'),
(@b1, 'ENTERPRISE'), (@b1, 'UNIVERSITY'), (@b1, 'INSTITUTE'), (@b1, 'MEDICAL'),
(@b2, 'ENTERPRISE'), (@b2, 'UNIVERSITY'), (@b2, 'INSTITUTE'),
(@b3, 'ENTERPRISE'), (@b3, 'UNIVERSITY'), (@b3, 'INSTITUTE'),
(@b4, 'ENTERPRISE'), (@b4, 'UNIVERSITY'), (@b4, 'INSTITUTE'), (@b4, 'MEDICAL');

-- A1 partner countries and regions.
INSERT INTO call_partner (call_id, line_id, code, sort_order, name_zh, name_en, fields_zh, fields_en,
  agency_zh, agency_en, agency_url, foreign_deadline, foreign_deadline_tba, submission_mode,
  note_zh, note_en) VALUES
(@c, @a1, 'NO', 1, '挪威', 'Norway',
 '海洋经济、装备制造、生命健康、能源科技、绿色技术',
 'marine economy, equipment manufacturing, life and health, energy technology, green technology',
 '挪威创新署', 'Innovation Norway', 'https://www.innovasjonnorge.no', '2025-09-25', FALSE, 'DUAL',
 '浙方和挪方申报主体须在规定时间内分别向浙江省科技厅和挪威创新署提交申报材料，单方申报项目无效。',
 'The Zhejiang and Norwegian applicants each submit to the Department and to Innovation Norway in time; a one-sided application is void.'),
(@c, @a1, 'SG', 2, '新加坡', 'Singapore',
 '生命健康、新材料、海洋经济、智慧城市、绿色技术、信息技术及农业食品科技',
 'life and health, new materials, marine economy, smart city, green technology, information technology, agri-food technology',
 '新加坡企业发展局', 'Enterprise Singapore', 'https://www.enterprisesg.gov.sg', NULL, TRUE, 'DUAL',
 '鼓励浙江申报主体联合长三角相关单位共同与新加坡开展创新合作。浙方和新方申报主体须在规定时间内分别向浙江省科技厅和新加坡企业发展局提交申报材料，单方申报项目无效。',
 'Joint applications with Yangtze River Delta units are encouraged. The Zhejiang and Singapore applicants each submit to the Department and to Enterprise Singapore in time; a one-sided application is void.'),
(@c, @a1, 'BE-VWV', 3, '比利时西弗兰德省', 'Belgium (West Flanders)',
 '循环经济、数字医疗、环境保护和可持续发展',
 'circular economy, digital health, environmental protection and sustainable development',
 '比利时西弗兰德省政府', 'Province of West Flanders', 'https://www.west-vlaanderen.be', '2025-08-31', FALSE, 'DUAL',
 '浙方和比方申报主体须在规定时间内分别向浙江省科技厅和比利时西弗兰德省政府提交申报材料，单方申报项目无效。',
 'The Zhejiang and Belgian applicants each submit to the Department and to the Province of West Flanders in time; a one-sided application is void.'),
(@c, @a1, 'IL', 4, '以色列', 'Israel',
 '新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械和水处理',
 'new energy, energy saving and environmental protection, smart community, robotics, mechatronics, ICT, materials and nanotechnology, biopharmaceuticals, agricultural machinery, medical devices, water treatment',
 '以色列创新署', 'Israel Innovation Authority', 'https://innovationisrael.org.il', '2025-07-03', FALSE, 'DUAL',
 '浙方和以方申报主体须在规定时间内分别向浙江省科技厅和以色列创新署提交申报材料，单方申报项目无效。',
 'The Zhejiang and Israeli applicants each submit to the Department and to the Israel Innovation Authority in time; a one-sided application is void.'),
(@c, @a1, 'TH', 5, '泰国', 'Thailand',
 '农业食品科技、生命健康、绿色技术、智慧城市',
 'agri-food technology, life and health, green technology, smart city',
 '泰国国家创新署', 'National Innovation Agency (NIA)', 'https://www.nia.or.th', NULL, TRUE, 'DUAL',
 '浙方和泰方申报主体需在规定时间内分别向浙江省科技厅和泰国国家创新署提交申报材料，单方申报项目无效。',
 'The Zhejiang and Thai applicants each submit to the Department and to the National Innovation Agency in time; a one-sided application is void.'),
(@c, @a1, 'FI', 6, '芬兰', 'Finland',
 '气候变化、循环经济及可持续发展、医疗健康',
 'climate change, circular economy and sustainable development, medical and health',
 NULL, NULL, NULL, NULL, FALSE, 'UNILATERAL',
 '由我省企业向省科技厅单独申报。', 'The Zhejiang enterprise applies to the Department alone.'),
(@c, @a1, 'HK', 7, '中国香港', 'Hong Kong SAR, China',
 '智慧城市、人工智能、金融科技、生物医药、微电子、新材料、新能源',
 'smart city, artificial intelligence, fintech, biomedicine, microelectronics, new materials, new energy',
 NULL, NULL, NULL, NULL, FALSE, 'UNILATERAL',
 '由我省企业向省科技厅单独申报。', 'The Zhejiang enterprise applies to the Department alone.');

-- A2 platforms: two centres, five Belt and Road joint labs, three kinds of carrier.
INSERT INTO call_platform (call_id, line_id, code, sort_order, kind, name_zh, name_en,
  application_limit, requires_overseas_cobuilder) VALUES
(@c, @a21, 'BRICS-DEEPSEA', 1, 'CENTRE', '金砖国家深海资源国际研究中心',
 'BRICS International Research Center for Deep-sea Resources', 1, FALSE),
(@c, @a21, 'CN-ARAB-HEALTH', 2, 'CENTRE', '中国-阿拉伯国家公共卫生科技合作中心',
 'China–Arab States Public Health S&T Cooperation Center', 1, FALSE),
(@c, @a22, 'CN-PK-HYDRO', 1, 'JOINT_LAB', '中国-巴基斯坦小型水电技术“一带一路”联合实验室',
 'China–Pakistan Belt and Road Joint Laboratory on Small Hydropower Technology', 1, FALSE),
(@c, @a22, 'CN-PT-MATERIALS', 2, 'JOINT_LAB', '中国-葡萄牙先进材料“一带一路”联合实验室',
 'China–Portugal Belt and Road Joint Laboratory on Advanced Materials', 1, FALSE),
(@c, @a22, 'CN-SG-INFECTIOUS', 3, 'JOINT_LAB', '中国-新加坡传染病防治与药物研发“一带一路”联合实验室',
 'China–Singapore Belt and Road Joint Laboratory on Infectious Disease Prevention and Drug R&D', 1, FALSE),
(@c, @a22, 'CN-AT-AI', 4, 'JOINT_LAB', '中国-奥地利人工智能与先进制造“一带一路”联合实验室',
 'China–Austria Belt and Road Joint Laboratory on AI and Advanced Manufacturing', 1, FALSE),
(@c, @a22, 'CN-MZ-AGRI', 5, 'JOINT_LAB', '中国-莫桑比克智慧农业“一带一路”联合实验室',
 'China–Mozambique Belt and Road Joint Laboratory on Smart Agriculture', 1, FALSE),
(@c, @a23, 'MOST-BASE', 1, 'CARRIER_KIND', '在浙的科技部国际科技合作基地',
 'MOST international S&T cooperation bases in Zhejiang', 1, FALSE),
(@c, @a23, 'PROV-JOINT-LAB', 2, 'CARRIER_KIND', '2024 年度绩效评价结果为“优秀”的省级国际联合实验室',
 'Provincial international joint laboratories rated “excellent” in the 2024 evaluation', 1, TRUE),
(@c, @a23, 'DEPT-BASE', 3, 'CARRIER_KIND', '2023 年度绩效评价结果为“优秀”的省科技厅国际科技合作基地',
 'Department international S&T cooperation bases rated “excellent” in the 2023 evaluation', 1, FALSE);

-- A3 fields.
INSERT INTO call_field (call_id, line_id, group_code, group_name_zh, group_name_en, code, sort_order,
  name_zh, name_en) VALUES
(@c, @a3, 'BRI', '与“一带一路”共建国家', 'With Belt and Road countries', 'SUSTAINABLE', 1, '可持续发展技术', 'Sustainable development technology'),
(@c, @a3, 'BRI', '与“一带一路”共建国家', 'With Belt and Road countries', 'SPATIAL', 2, '空间信息科技', 'Spatial information technology'),
(@c, @a3, 'BRI', '与“一带一路”共建国家', 'With Belt and Road countries', 'POVERTY', 3, '科技减贫', 'S&T poverty reduction'),
(@c, @a3, 'BRI', '与“一带一路”共建国家', 'With Belt and Road countries', 'INNOVATION', 4, '创新创业', 'Innovation and entrepreneurship'),
(@c, @a3, 'BRI', '与“一带一路”共建国家', 'With Belt and Road countries', 'AI', 5, '人工智能', 'Artificial intelligence'),
(@c, @a3, 'BRI', '与“一带一路”共建国家', 'With Belt and Road countries', 'TCM', 6, '中医药', 'Traditional Chinese medicine'),
(@c, @a3, 'USA-EU', '与美国、欧洲等国家', 'With the USA, Europe and other countries', 'CLIMATE', 7, '气候变化', 'Climate change'),
(@c, @a3, 'USA-EU', '与美国、欧洲等国家', 'With the USA, Europe and other countries', 'HEALTH', 8, '卫生健康', 'Health'),
(@c, @a3, 'USA-EU', '与美国、欧洲等国家', 'With the USA, Europe and other countries', 'FOOD', 9, '粮食安全', 'Food security');

-- B aided regions.
INSERT INTO call_region (call_id, line_id, code, sort_order, name_zh, name_en) VALUES
(@c, @b1, 'XJ-AKSU', 1, '新疆阿克苏地区', 'Aksu Prefecture, Xinjiang'),
(@c, @b1, 'XPCC-1', 2, '新疆生产建设兵团第一师', 'XPCC 1st Division'),
(@c, @b2, 'SC-12-68', 1, '四川 12 市（州）68 县', 'Sichuan: 68 counties of 12 cities/prefectures'),
(@c, @b2, 'CQ-WANZHOU', 2, '重庆万州区', 'Wanzhou District, Chongqing'),
(@c, @b2, 'CQ-FULING', 3, '重庆涪陵区', 'Fuling District, Chongqing'),
(@c, @b3, 'QH-HAIXI', 1, '青海海西州', 'Haixi Prefecture, Qinghai'),
(@c, @b4, 'XZ-NAGQU', 1, '西藏那曲市', 'Nagqu, Tibet');

-- B topics.
INSERT INTO call_topic (call_id, line_id, code, sort_order, name_zh, name_en, content_zh, content_en) VALUES
(@c, @b1, 'B1-AQUA', 1, '盐碱水养殖', 'Saline-alkali water aquaculture',
 '针对南疆地区特色资源，开展盐碱水养殖关键技术引进推广，选育高值水产品，建立集约化养殖技术标准。',
 'Introduce and spread key saline-alkali water aquaculture technology, breed high-value aquatic products, set intensive farming standards.'),
(@c, @b1, 'B1-AGRI', 2, '特色农牧产品', 'Special crops and livestock',
 '针对苹果、冬枣等大规模种植经济作物，肉苁蓉、甘草、鹰嘴豆等高值特色作物以及骆驼等特色畜牧，开展品质提升与高值化、保鲜贮运技术、精深加工与产品开发。',
 'Apple, winter jujube, cistanche, licorice, chickpea and camel: quality and value, storage and transport, deep processing and product development.'),
(@c, @b1, 'B1-INDUSTRY', 3, '主导产业', 'Leading industries',
 '针对纺织服装、能源化工等主导产业开展新技术、新工艺的产业化应用和新产品开发。',
 'New technologies, processes and products for the textile/apparel and energy/chemical industries.'),
(@c, @b1, 'B1-MEDICAL', 4, '边疆高发疾病诊治', 'Frontier high-incidence diseases',
 '针对边疆地区高发疾病和重点需求，开展人工智能和大数据技术驱动下的临床诊治、精准用药等技术体系应用推广。',
 'AI- and big-data-driven clinical diagnosis and precision medication for diseases common in the frontier regions.'),
(@c, @b2, 'B2-AGRI', 1, '特色种养与加工', 'Local breeding, cultivation and processing',
 '结合当地需求，开展林下灵芝、甜樱桃等作物以及畜牧、水产新品种选育、高效栽培繁育（养殖）及病害防治等适用技术的推广落地，建立并应用标准化生产、品质控制、病害防治等技术体系；开展当地特色农（牧、渔）产品生产加工技术的改良与推广，开发针对市场消费需求的新产品。',
 'Understory Ganoderma, sweet cherry, livestock and aquatic breeding, cultivation and disease control; processing of local products and new products for the market.'),
(@c, @b3, 'B3-ENERGY', 1, '清洁能源、盐湖资源、绿色生态', 'Clean energy, salt-lake resources, green ecology',
 '开展适应当地资源禀赋条件的清洁能源、盐湖资源、绿色生态等开发利用保护技术研究，推动当地清洁能源产业、盐湖产业和绿色生态产业向高端化、智能化、绿色化迈进。',
 'Technologies to develop and protect clean energy, salt-lake resources and the green ecology.'),
(@c, @b3, 'B3-AGRI', 2, '农牧产品高值化加工', 'High-value processing of agricultural and pastoral products',
 '开展牛羊等农牧产品及其副产品高值化加工利用及智能生产管理等方面技术推广应用，开发系列深加工新产品。',
 'High-value processing and smart production of cattle, sheep and other products and by-products; new deep-processed products.'),
(@c, @b4, 'B4-RESOURCE', 1, '那曲农牧特色资源开发利用', 'Nagqu agricultural and pastoral resources',
 '开展那曲农牧特色资源功效分析与评价技术研究与应用推广，开发有效成分提取利用技术，创新生产加工工艺，研制系列新产品。',
 'Efficacy analysis of local resources, extraction of active ingredients, new processing and products.'),
(@c, @b4, 'B4-MEDICAL', 2, '地方高发病诊治技术', 'High-altitude diseases',
 '开展高原高寒地区的多发性疾病预防管理、检测筛查、治疗康复等环节的医疗技术升级优化，推广先进适用技术体系，提升当地高发病诊疗水平。',
 'Prevention, screening, treatment and rehabilitation of diseases common at high altitude.');

SET @t_b1_aqua   = (SELECT id FROM call_topic WHERE line_id = @b1 AND code = 'B1-AQUA');
SET @t_b1_agri   = (SELECT id FROM call_topic WHERE line_id = @b1 AND code = 'B1-AGRI');
SET @t_b1_ind    = (SELECT id FROM call_topic WHERE line_id = @b1 AND code = 'B1-INDUSTRY');
SET @t_b1_med    = (SELECT id FROM call_topic WHERE line_id = @b1 AND code = 'B1-MEDICAL');
SET @t_b2_agri   = (SELECT id FROM call_topic WHERE line_id = @b2 AND code = 'B2-AGRI');
SET @t_b3_energy = (SELECT id FROM call_topic WHERE line_id = @b3 AND code = 'B3-ENERGY');
SET @t_b3_agri   = (SELECT id FROM call_topic WHERE line_id = @b3 AND code = 'B3-AGRI');
SET @t_b4_res    = (SELECT id FROM call_topic WHERE line_id = @b4 AND code = 'B4-RESOURCE');
SET @t_b4_med    = (SELECT id FROM call_topic WHERE line_id = @b4 AND code = 'B4-MEDICAL');

-- Minimum performance targets, exactly as the notice states them ("1 套" and "不少于 1 个" are both
-- a minimum of 1). An application declares a number for each row; G7 checks it is ≥ minimum.
INSERT INTO call_topic_target (call_id, topic_id, code, sort_order, label_zh, label_en, minimum, unit_zh, unit_en) VALUES
(@c, @t_b1_aqua, 'SALINE_TECH', 1, '适宜工厂化养殖的盐碱水调控技术', 'Saline-alkali water regulation technology for factory aquaculture', 1, '套', 'set'),
(@c, @t_b1_aqua, 'AQUA_VARIETY', 2, '选育高值水产品种', 'High-value aquatic varieties bred', 1, '个', 'varieties'),
(@c, @t_b1_aqua, 'HATCHERY_SPEC', 3, '水产孵化培育推广技术规范', 'Hatchery and rearing technical specification', 1, '套', 'set'),
(@c, @t_b1_aqua, 'DEMO_BASE', 4, '养殖示范基地', 'Aquaculture demonstration bases', 2, '个', 'bases'),
(@c, @t_b1_aqua, 'TRAINED', 5, '培育产业技术人才', 'Industry technical staff trained', 30, '人', 'people'),

(@c, @t_b1_agri, 'TECH_REGULATION', 1, '特色农牧产品栽培养殖或智能管理相关技术规程', 'Technical regulation for cultivation, breeding or smart management', 1, '套', 'set'),
(@c, @t_b1_agri, 'DEMO_BASE', 2, '技术示范基地', 'Technology demonstration bases', 1, '个', 'bases'),
(@c, @t_b1_agri, 'NEW_PRODUCT', 3, '开发新产品（新品种）', 'New products or varieties', 1, '个', 'products'),
(@c, @t_b1_agri, 'TRAINED', 4, '培育产业技术人才', 'Industry technical staff trained', 30, '人', 'people'),

(@c, @t_b1_ind, 'PILOT_LINE', 1, '运用新技术、新工艺建立中试或示范生产线', 'Pilot or demonstration production line', 1, '条', 'line'),
(@c, @t_b1_ind, 'INDUSTRY_STANDARD', 2, '制定行业标准', 'Industry standards drawn up', 1, '项', 'standards'),
(@c, @t_b1_ind, 'NEW_PRODUCT', 3, '开发新产品（品系）', 'New products or strains', 1, '个', 'products'),

(@c, @t_b1_med, 'DIAGNOSIS_SYSTEM', 1, '人工智能和大数据技术驱动下针对特定病种的临床诊治或精准用药等技术体系', 'AI/big-data clinical diagnosis or precision medication system for a named disease', 1, '套', 'system'),
(@c, @t_b1_med, 'MEDICAL_TRAINED', 2, '培训当地医护人员', 'Local medical staff trained', 20, '人', 'people'),
(@c, @t_b1_med, 'CLINICAL_VALIDATION', 3, '通过临床应用验证', 'Validated in clinical use', 1, '项', 'validation'),

(@c, @t_b2_agri, 'VARIETY', 1, '开发当地特色作物（畜牧、水产）品种', 'Local crop, livestock or aquatic varieties', 1, '个', 'varieties'),
(@c, @t_b2_agri, 'CONTROL_SYSTEM', 2, '栽培繁育（养殖）与病害防控一体化技术体系', 'Integrated cultivation/breeding and disease-control system', 1, '套', 'system'),
(@c, @t_b2_agri, 'DEMO_BASE', 3, '技术应用示范基地', 'Technology demonstration base', 1, '个', 'base'),
(@c, @t_b2_agri, 'PROCESSING', 4, '高值化加工工艺（并推广应用）', 'High-value processing processes in use', 1, '套', 'processes'),
(@c, @t_b2_agri, 'TRAINED', 5, '培育产业技术人才', 'Industry technical staff trained', 30, '名', 'people'),

(@c, @t_b3_energy, 'NEW_TECH', 1, '开发或引进推广新技术', 'New technologies developed or introduced', 1, '项', 'technologies'),
(@c, @t_b3_energy, 'DEMO_BASE', 2, '技术示范应用基地', 'Technology demonstration bases', 1, '个', 'bases'),
(@c, @t_b3_energy, 'NEW_PRODUCT', 3, '开发新产品或新工艺', 'New products or processes', 1, '个', 'products'),

(@c, @t_b3_agri, 'PROCESS_SPEC', 1, '加工工艺或智能管理技术规程', 'Processing or smart-management specification', 1, '套', 'set'),
(@c, @t_b3_agri, 'DEMO_BASE', 2, '示范应用基地', 'Demonstration bases', 1, '个', 'bases'),
(@c, @t_b3_agri, 'NEW_PRODUCT', 3, '开发新产品（新品种）', 'New products or varieties', 1, '个', 'products'),
(@c, @t_b3_agri, 'TRAINED', 4, '培育产业技术人才', 'Industry technical staff trained', 30, '人', 'people'),

(@c, @t_b4_res, 'PROCESS_SYSTEM', 1, '资源开发工艺或新品种选育技术体系', 'Resource development process or breeding system', 1, '套', 'system'),
(@c, @t_b4_res, 'NEW_PRODUCT', 2, '开发或选育新产品（新品种）', 'New products or varieties', 1, '个', 'products'),
(@c, @t_b4_res, 'DEMO_BASE', 3, '技术示范应用基地', 'Technology demonstration bases', 1, '个', 'bases'),
(@c, @t_b4_res, 'TRAINED', 4, '培育产业专业技术人才', 'Industry technical staff trained', 20, '人', 'people'),

(@c, @t_b4_med, 'TREATMENT_SYSTEM', 1, '当地适用的疾病诊治技术体系', 'Disease diagnosis and treatment system for local use', 1, '套', 'system'),
(@c, @t_b4_med, 'STANDARD', 2, '诊治技术标准', 'Diagnosis and treatment standard', 1, '个', 'standard'),
(@c, @t_b4_med, 'MEDICAL_TRAINED', 3, '培训熟练掌握相关医疗技术的当地医护人员', 'Local medical staff trained in the techniques', 10, '名', 'people');

SET time_zone = @hz_saved_tz;
