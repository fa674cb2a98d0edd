package io.hezuo.call.domain;

import io.hezuo.call.api.TargetView;
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

/** A minimum performance target of a topic (≥ minimum unit). */
@Entity
@Table(name = "call_topic_target")
class TopicTarget {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false, updatable = false)
  private Long callId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "topic_id", nullable = false, updatable = false)
  private Topic topic;

  @Column(name = "code", nullable = false)
  private String code;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "label_zh")
  private String labelZh;

  @Column(name = "label_en")
  private String labelEn;

  @Column(name = "minimum", nullable = false)
  private int minimum;

  @Column(name = "unit_zh")
  private String unitZh;

  @Column(name = "unit_en")
  private String unitEn;

  protected TopicTarget() {}

  TargetView toView() {
    return new TargetView(code, new Text(labelZh, labelEn), minimum, new Text(unitZh, unitEn));
  }
}
