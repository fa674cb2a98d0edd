package io.hezuo.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organisation: an applying unit (enterprise, university, institute, medical), a recommending
 * unit (a city S&amp;T bureau, a university, another relevant unit) or the Department itself.
 */
@Entity
@Table(name = "dir_organisation")
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "name_en", length = 300)
  private String nameEn;

  @Column(name = "credit_code", nullable = false, unique = true, length = 18)
  private String creditCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OrganisationType type;

  @Column(length = 40)
  private String city;

  @Column(length = 40)
  private String county;

  /** The recommending unit this organisation reports to (its id), if it applies. */
  @Column(name = "recommender_id")
  private Long recommenderId;

  @Column(name = "is_recommender", nullable = false)
  private boolean recommender;

  @Column(nullable = false)
  private boolean demo;

  @Version private long version;

  protected Organisation() {}

  /**
   * A unit the Department enters (a city S&amp;T bureau, a university, another applying unit): its
   * name, unified social credit code (already checked and normalised), type and city.
   */
  public static Organisation of(
      String name, String creditCode, OrganisationType type, String city) {
    Organisation o = new Organisation();
    o.name = name;
    o.creditCode = creditCode;
    o.type = type;
    o.city = city;
    return o;
  }

  /** Whether the Department lets this unit recommend applications (推荐单位). */
  public void allowRecommending(boolean may) {
    this.recommender = may;
  }

  /**
   * The recommending unit this unit's applications go to ({@code null}: none yet). A recommending
   * unit may be its own (a university recommending its own applications).
   */
  public void reportTo(Long recommendingUnitId) {
    this.recommenderId = recommendingUnitId;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public OrganisationType getType() {
    return type;
  }

  public String getCity() {
    return city;
  }

  public String getCounty() {
    return county;
  }

  public Long getRecommenderId() {
    return recommenderId;
  }

  public boolean isRecommender() {
    return recommender;
  }

  public boolean isDemo() {
    return demo;
  }
}
