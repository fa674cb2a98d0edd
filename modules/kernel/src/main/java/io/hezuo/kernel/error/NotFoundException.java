package io.hezuo.kernel.error;

import jakarta.ejb.ApplicationException;

/**
 * 404: Nothing of that id exists for this caller (what exists but is not the caller's answers the
 * same).
 */
@ApplicationException(rollback = true)
public class NotFoundException extends HezuoException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "Not found";
  }

  @Override
  public String messageKey() {
    return "kernel.error.notFound";
  }
}
