package org.caveat.store;

/** The database failed (unreachable, full, migration impossible); the message says which and why. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
