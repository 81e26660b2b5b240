/**
 * Supplies the credentials of every attempt. Static credentials (API key, bearer, basic)
 * answer synchronously so they cost one object spread per attempt; OAuth2 answers from its
 * token cache and refreshes when the token is about to expire or was refused.
 */
export interface AuthProvider {
  /** True when credentials can change (OAuth2): a 401 may be worth one more attempt. */
  readonly refreshable: boolean;
  /** Headers to add to the next attempt, lower-case names. */
  headers(signal?: AbortSignal): Record<string, string> | Promise<Record<string, string>>;
  /**
   * Called when an attempt sent with `sent` (what `headers()` gave) was answered 401.
   * Resolves true when new credentials are available and one more attempt is worth it.
   */
  onUnauthorized(sent: Record<string, string>, signal?: AbortSignal): Promise<boolean>;
  /** The secret values in use right now, for redaction of any text that might echo them. */
  secrets(): readonly string[];
  close(): Promise<void>;
}
