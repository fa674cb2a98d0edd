package io.hezuo.kernel.error;

/**
 * A client's mistake or a refusal that has an HTTP meaning: REST maps it once (kernel's exception
 * mappers) to {@code application/problem+json} with {@link #status()}; Faces shows its message. The
 * status comes from the type, never from the message text.
 */
public abstract class HezuoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected HezuoException(String message) {
    super(message);
  }

  /** The HTTP status of this refusal. */
  public abstract int status();

  /** A short title for problem+json (English, RFC 9457 style). */
  public abstract String title();

  /** The message key (kernel bundle) of a sentence for the user; arguments none. */
  public abstract String messageKey();
}
