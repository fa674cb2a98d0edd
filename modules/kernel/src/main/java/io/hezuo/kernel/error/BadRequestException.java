package io.hezuo.kernel.error;

import jakarta.ejb.ApplicationException;

/** 400: The request cannot be read (malformed JSON, wrong types, a missing body). */
@ApplicationException(rollback = true)
public class BadRequestException extends HezuoException {

  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String title() {
    return "Bad request";
  }

  @Override
  public String messageKey() {
    return "kernel.error.badRequest";
  }
}
