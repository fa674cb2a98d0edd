package io.hezuo.web.security;

import io.hezuo.kernel.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;

/**
 * Page-level role check for views: {@code <f:viewAction action="#{webGuard.require('OFFICER')}"/>}
 * answers 403 to a caller without the role. Services check again (role and ownership).
 */
@Named("webGuard")
@RequestScoped
public class WebGuard {

  @Inject Caller caller;

  public void require(String roles) throws IOException {
    boolean ok =
        io.hezuo.kernel.security.Role.of(Arrays.stream(roles.split(",")).map(String::trim).toList())
            .stream()
            .anyMatch(caller::hasRole);
    if (!ok) {
      FacesContext fc = FacesContext.getCurrentInstance();
      fc.getExternalContext().responseSendError(403, "Forbidden");
      fc.responseComplete();
    }
  }
}
