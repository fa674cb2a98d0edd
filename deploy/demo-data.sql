-- DEMO DATA ONLY: loaded by ./deploy/run.sh (demo mode) and by the tests, never by a migration.
-- Every demo account's password is Demo@2026. Ids start at 900000 to stay clear of real rows.
-- Idempotent: a second run changes nothing.
-- One statement per line: the loaders (launcher, tests) split this file on line breaks.
INSERT IGNORE INTO dir_organisation (id,name,name_en,credit_code,type,city,county,recommender_id,is_recommender,demo) VALUES (900001,'浙江省科学技术厅（演示）','Zhejiang S&T Department (demo)','11330000MB0000001L','GOVERNMENT','杭州市','上城区',NULL,0,TRUE);
INSERT IGNORE INTO dir_organisation (id,name,name_en,credit_code,type,city,county,recommender_id,is_recommender,demo) VALUES (900002,'杭州市科学技术局（演示）','Hangzhou S&T Bureau (demo)','11330100MB0000002W','GOVERNMENT','杭州市','上城区',NULL,1,TRUE);
INSERT IGNORE INTO dir_organisation (id,name,name_en,credit_code,type,city,county,recommender_id,is_recommender,demo) VALUES (900003,'浙江演示海洋科技有限公司','Zhejiang Demo Marine Technology Co., Ltd.','91330100MA2A00003U','ENTERPRISE','杭州市','滨江区',900002,0,TRUE);
INSERT IGNORE INTO dir_organisation (id,name,name_en,credit_code,type,city,county,recommender_id,is_recommender,demo) VALUES (900004,'浙江演示大学','Zhejiang Demo University','12330000MB0000004T','UNIVERSITY','杭州市','西湖区',900002,0,TRUE);
INSERT IGNORE INTO dir_organisation (id,name,name_en,credit_code,type,city,county,recommender_id,is_recommender,demo) VALUES (900005,'宁波市科学技术局（演示）','Ningbo S&T Bureau (demo)','11330200MB0000005B','GOVERNMENT','宁波市','鄞州区',NULL,1,TRUE);
INSERT IGNORE INTO dir_organisation (id,name,name_en,credit_code,type,city,county,recommender_id,is_recommender,demo) VALUES (900006,'宁波演示医疗器械有限公司','Ningbo Demo Medical Devices Co., Ltd.','91330200MA2B00006W','ENTERPRISE','宁波市','鄞州区',900005,0,TRUE);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900001,'张海洋','RESIDENT_ID','330106198001010013','1980-01-01','13800000001','pi@demo.hezuo.local',900003);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900002,'李单位','RESIDENT_ID','330106198102020026','1981-02-02','13800000002','unit@demo.hezuo.local',900003);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900003,'王推荐','RESIDENT_ID','330106198203030039','1982-03-03','13800000003','rec@demo.hezuo.local',900002);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900004,'赵形审','RESIDENT_ID','330106198304040041','1983-04-04','13800000004','review@demo.hezuo.local',900001);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900005,'钱专家','RESIDENT_ID','330106198405050054','1984-05-05','13800000005','expert@demo.hezuo.local',900004);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900006,'孙处长','RESIDENT_ID','330106198506060067','1985-06-06','13800000006','officer@demo.hezuo.local',900001);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900007,'周财务','RESIDENT_ID','33010619860707007X','1986-07-07','13800000007','finance@demo.hezuo.local',900001);
INSERT IGNORE INTO dir_person (id,name,id_type,id_number,birth_date,phone,email,organisation_id) VALUES (900008,'吴管理','RESIDENT_ID','330106198708080082','1987-08-08','13800000008','admin@demo.hezuo.local',900001);
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900001,'demo_pi','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900001,900003,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900001,'APPLICANT');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900002,'demo_unit','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900002,900003,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900002,'UNIT_ADMIN');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900003,'demo_rec','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900003,900002,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900003,'RECOMMENDER');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900004,'demo_review','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900004,900001,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900004,'FORMAL_REVIEWER');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900005,'demo_expert','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900005,900004,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900005,'EXPERT');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900006,'demo_officer','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900006,900001,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900006,'OFFICER');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900007,'demo_finance','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900007,900001,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900007,'FINANCE');
INSERT IGNORE INTO dir_account (id,username,password_hash,person_id,organisation_id,status,created_at,demo) VALUES (900008,'demo_admin','pbkdf2-sha256$600000$aGV6dW8tZGVtby1zYWx0IQ==$k7pVWPWiXUlvKb9ZkW1t+PLS0EdZ1acySU67kO3j4oc=',900008,900001,'ACTIVE',UTC_TIMESTAMP(6),TRUE);
INSERT IGNORE INTO dir_account_role (account_id,role) VALUES (900008,'ADMIN');
-- DEMO white list: the demo PI is a member of a provincial platform hosted by the demo enterprise (G1).
INSERT IGNORE INTO dir_platform (id,name,level,host_organisation_id,fields,active,import_batch,source,imported_at) VALUES (900001,'浙江省海洋智能装备重点实验室（演示）','PROVINCIAL',900003,'海洋经济；装备制造；新材料',TRUE,'demo','demo-data.sql',UTC_TIMESTAMP(6));
INSERT IGNORE INTO dir_platform (id,name,level,host_organisation_id,fields,active,import_batch,source,imported_at) VALUES (900002,'浙江省生命健康国际联合实验室（演示）','DEPARTMENT',900004,'生命健康；医疗器械',TRUE,'demo','demo-data.sql',UTC_TIMESTAMP(6));
INSERT IGNORE INTO dir_platform_member (id,platform_id,id_type,id_number,name) VALUES (900001,900001,'RESIDENT_ID','330106198001010013','张海洋');
INSERT IGNORE INTO dir_platform_member (id,platform_id,id_type,id_number,name) VALUES (900002,900002,'RESIDENT_ID','330106198405050054','钱专家');
-- DEMO: the 2026 call's submission window closed on 2025-09-15 17:30 (Beijing). So that the demo
-- PI can try the whole path, the demo applying unit has an extension, as an officer would grant
-- one (sub_extension, with its reason). Real units get none from this file.
INSERT IGNORE INTO sub_extension (id, call_id, organisation_id, until_at, reason, granted_by, granted_at) SELECT 900001, id, 900003, '2027-12-31 15:59:59', '演示数据：为演示单位延长网上填报期限 / demo data: extension for the demo unit', 'demo_officer', UTC_TIMESTAMP(6) FROM call_call WHERE call_year = 2026;
-- A2: the demo university hosts a MOST international S&T cooperation base (A2.3), so that an A2
-- application of its researchers passes the host-unit check.
INSERT IGNORE INTO call_platform_host (id, platform_id, organisation_id, carrier_name, overseas_cobuilder, added_by, added_at, reason) SELECT 900001, p.id, 900004, '浙江演示大学国际科技合作基地（演示）', NULL, 'demo_officer', UTC_TIMESTAMP(6), 'demo data' FROM call_platform p JOIN call_line l ON l.id = p.line_id WHERE l.code = 'A2.3' AND p.code = 'MOST-BASE';
-- DEMO list of another plan (G2): one PI on the 2026 provincial Natural Science Foundation list, as
-- an officer's import would leave it (其他计划申报名单). Not the demo PI: a researcher whose ID is on
-- it sees a G2 warning while drafting. Only while no 2026 NSFC list has been imported.
INSERT IGNORE INTO dir_other_plan_pi (id,year,plan_kind,plan_name,project_title,id_type,id_number,name,unit_name,import_batch,source,imported_at,imported_by) SELECT 900001,2026,'NSFC','省自然科学基金','海洋装备腐蚀防护机理研究（演示）','RESIDENT_ID','330106197909090098','何演示','浙江演示大学','demo','demo-data.sql',UTC_TIMESTAMP(6),'demo_officer' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM dir_other_plan_pi WHERE year = 2026 AND plan_kind = 'NSFC');
