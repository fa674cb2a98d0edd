package io.hezuo.call.api;

/**
 * The caller may not do this to a call: editing the catalogue needs the role OFFICER. REST answers
 * 403; a screen shows the message.
 */
public class CallAccessDeniedException extends io.hezuo.kernel.error.AccessDeniedException {

  private static final long serialVersionUID = 1L;

  public CallAccessDeniedException(String message) {
    super(message);
  }
}
