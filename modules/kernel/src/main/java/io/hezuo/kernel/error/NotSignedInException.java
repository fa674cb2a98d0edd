package io.hezuo.kernel.error;

import jakarta.ejb.ApplicationException;

/** 401: The caller has not signed in (or its credentials were refused). */
@ApplicationException(rollback = true)
public class NotSignedInException extends HezuoException {

  private static final long serialVersionUID = 1L;

  public NotSignedInException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 401;
  }

  @Override
  public String title() {
    return "Unauthorized";
  }

  @Override
  public String messageKey() {
    return "kernel.error.unauthenticated";
  }
}
