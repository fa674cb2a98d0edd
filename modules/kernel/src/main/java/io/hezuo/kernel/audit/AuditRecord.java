package io.hezuo.kernel.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only audit log: who, in which role, when, what, from → to, why. */
@Entity
@Table(name = "krn_audit")
public class AuditRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "actor", nullable = false, length = 100)
  private String actor;

  @Column(name = "actor_role", length = 40)
  private String actorRole;

  @Column(name = "entity_type", nullable = false, length = 60)
  private String entityType;

  @Column(name = "entity_id", length = 60)
  private String entityId;

  @Column(name = "action", nullable = false, length = 60)
  private String action;

  @Column(name = "from_state", columnDefinition = "TEXT")
  private String fromState;

  @Column(name = "to_state", columnDefinition = "TEXT")
  private String toState;

  @Column(name = "reason", length = 1000)
  private String reason;

  protected AuditRecord() {}

  AuditRecord(AuditEntry e, Instant at) {
    this.at = at;
    this.actor = e.actor();
    this.actorRole = e.actorRole();
    this.entityType = e.entityType();
    this.entityId = e.entityId();
    this.action = e.action();
    this.fromState = e.from();
    this.toState = e.to();
    this.reason = e.reason();
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getActorRole() {
    return actorRole;
  }

  public String getEntityType() {
    return entityType;
  }

  public String getEntityId() {
    return entityId;
  }

  public String getAction() {
    return action;
  }

  public String getFromState() {
    return fromState;
  }

  public String getToState() {
    return toState;
  }

  public String getReason() {
    return reason;
  }
}
