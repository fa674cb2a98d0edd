package io.hezuo.call.api;

/** Kinds of applying unit named by the notice. */
public enum UnitType {
  /** 企业. */
  ENTERPRISE,
  /** 高校. */
  UNIVERSITY,
  /** 科研机构. */
  INSTITUTE,
  /** 医疗卫生机构. */
  MEDICAL
}
