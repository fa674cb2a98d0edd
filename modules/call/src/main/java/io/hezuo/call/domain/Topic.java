package io.hezuo.call.domain;

import io.hezuo.call.api.Text;
import io.hezuo.call.api.TopicView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A topic of a B line with its minimum performance targets. */
@Entity
@Table(name = "call_topic")
class Topic {

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

  @Column(name = "content_zh")
  private String contentZh;

  @Column(name = "content_en")
  private String contentEn;

  @OneToMany(mappedBy = "topic")
  @OrderBy("sortOrder")
  private List<TopicTarget> targets = new ArrayList<>();

  protected Topic() {}

  TopicView toView() {
    return new TopicView(
        code,
        new Text(nameZh, nameEn),
        new Text(contentZh, contentEn),
        targets.stream().map(TopicTarget::toView).toList());
  }
}
