package io.hezuo.directory.web;

import io.hezuo.directory.api.AccountDirectory;
import io.hezuo.directory.api.OrganisationView;
import io.hezuo.directory.api.RegistrationRequest;
import io.hezuo.directory.domain.IdDocumentType;
import io.hezuo.kernel.faces.FacesViolations;
import io.hezuo.kernel.rule.RuleViolationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Backing bean of {@code directory/register.xhtml}: a researcher registers under a unit. Request
 * scoped, with a stateless view: the form posts everything it needs, so an anonymous visitor gets
 * no session.
 */
@Named("directoryRegister")
@RequestScoped
public class DirectoryRegister implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountDirectory directory;

  private Long organisationId;
  private String name;
  private String idType = IdDocumentType.RESIDENT_ID.name();
  private String idNumber;
  private String phone;
  private String email;
  private String username;
  private String password;
  private String passwordRepeat;
  private boolean done;
  private List<OrganisationView> units;

  public List<OrganisationView> getUnits() {
    if (units == null) {
      units = directory.applyingUnits();
    }
    return units;
  }

  public List<String> getIdTypes() {
    return Arrays.stream(IdDocumentType.values()).map(Enum::name).toList();
  }

  public void register() {
    try {
      directory.register(
          new RegistrationRequest(
              organisationId,
              name,
              idType,
              idNumber,
              phone,
              email,
              username,
              password,
              passwordRepeat));
      done = true;
      FacesViolations.info("directory.register.done");
    } catch (RuleViolationException e) {
      FacesViolations.show("reg", e.violations());
    }
  }

  public boolean isDone() {
    return done;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIdType() {
    return idType;
  }

  public void setIdType(String idType) {
    this.idType = idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public void setIdNumber(String idNumber) {
    this.idNumber = idNumber;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordRepeat() {
    return passwordRepeat;
  }

  public void setPasswordRepeat(String passwordRepeat) {
    this.passwordRepeat = passwordRepeat;
  }
}
