package io.hezuo.kernel.error;

import jakarta.ejb.ApplicationException;

/** 413: The request body is larger than the endpoint accepts; refused before it is read. */
@ApplicationException(rollback = true)
public class PayloadTooLargeException extends HezuoException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 413;
  }

  @Override
  public String title() {
    return "Content too large";
  }

  @Override
  public String messageKey() {
    return "kernel.error.tooLarge";
  }
}
