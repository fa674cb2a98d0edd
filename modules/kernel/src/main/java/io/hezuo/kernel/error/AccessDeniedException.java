package io.hezuo.kernel.error;

import jakarta.ejb.ApplicationException;

/** 403: The caller's role or ownership does not allow this. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends HezuoException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }

  @Override
  public String title() {
    return "Forbidden";
  }

  @Override
  public String messageKey() {
    return "kernel.error.forbidden";
  }
}
