package io.hezuo.call.domain;

import io.hezuo.call.api.RegionView;
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

/** An aided region of a B line. */
@Entity
@Table(name = "call_region")
class Region {

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

  @Column(name = "name_zh")
  private String nameZh;

  @Column(name = "name_en")
  private String nameEn;

  protected Region() {}

  RegionView toView() {
    return new RegionView(code, new Text(nameZh, nameEn));
  }
}
