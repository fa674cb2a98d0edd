package io.hezuo.call.domain;

import io.hezuo.call.api.PlatformKind;
import io.hezuo.call.api.PlatformView;
import io.hezuo.call.api.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An A2 named platform or kind of carrier, with its application limit. */
@Entity
@Table(name = "call_platform")
class Platform {

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

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private PlatformKind kind;

  @Column(name = "name_zh")
  private String nameZh;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "application_limit", nullable = false)
  private int applicationLimit;

  @Column(name = "requires_overseas_cobuilder", nullable = false)
  private boolean requiresOverseasCoBuilder;

  protected Platform() {}

  PlatformView toView() {
    return new PlatformView(
        code, kind, new Text(nameZh, nameEn), applicationLimit, requiresOverseasCoBuilder);
  }
}
