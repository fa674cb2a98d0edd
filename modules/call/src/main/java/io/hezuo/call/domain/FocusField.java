package io.hezuo.call.domain;

import io.hezuo.call.api.FieldView;
import io.hezuo.call.api.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An A3 field in its partner group. */
@Entity
@Table(name = "call_field")
class FocusField {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false, updatable = false)
  private Long callId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "line_id", nullable = false, updatable = false)
  private Line line;

  @Column(name = "code", nullable = false)
  private String code;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "group_code", nullable = false)
  private String groupCode;

  @Column(name = "group_name_zh")
  private String groupNameZh;

  @Column(name = "group_name_en")
  private String groupNameEn;

  @Column(name = "name_zh")
  private String nameZh;

  @Column(name = "name_en")
  private String nameEn;

  protected FocusField() {}

  FieldView toView() {
    return new FieldView(
        groupCode, new Text(groupNameZh, groupNameEn), code, new Text(nameZh, nameEn));
  }
}
