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
