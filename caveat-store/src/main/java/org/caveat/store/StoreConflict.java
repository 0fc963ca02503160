package org.caveat.store;

/**
 * A request the store refuses because of the state of its data, not because the database failed:
 * approving a change request twice, approving one's own request, reusing a token name.
 *
 * <p>{@link #code()} is stable and dotted, for HTTP mapping: {@code change_request.state} and
 * {@code change_request.version_exists} and {@code change_request.same_date} → 409,
 * {@code change_request.four_eyes} → 403,
 * {@code change_request.not_found} → 404, {@code token.exists} → 409.
 */
public class StoreConflict extends StoreException {

  public static final String STATE = "change_request.state";
  public static final String FOUR_EYES = "change_request.four_eyes";
  public static final String NOT_FOUND = "change_request.not_found";
  public static final String VERSION_EXISTS = "change_request.version_exists";
  public static final String SAME_DATE = "change_request.same_date";
  public static final String TOKEN_EXISTS = "token.exists";

  private final String code;

  public StoreConflict(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
