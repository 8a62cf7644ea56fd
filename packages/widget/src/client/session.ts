/** Why the session changed: a visitor `joined` as a guest, the person is now someone else, or their sign-in `ended`. */
export type SessionChange = 'joined' | 'identity' | 'ended';

/**
 * Who the widget speaks as: the customer the brand's page names (its SSO token), or a guest whose
 * server-issued token is kept in localStorage per community, or nobody yet. Dispatches `change`
 * (a CustomEvent whose detail is a SessionChange).
 */
export class Session extends EventTarget {
  readonly #storageKey: string;
  #sso: string | null = null;
  #guest: string | null;
  /** The page's sign-in was refused (expired): nobody, not the stored guest, until it gives a new one. */
  #ended = false;

  constructor(community: string) {
    super();
    this.#storageKey = `rapport:guest:${community}`;
    this.#guest = read(this.#storageKey);
  }

  /** The bearer token to send, if any: the brand's SSO token wins over a guest token. */
  get token(): string | null {
    return this.#sso ?? (this.#ended ? null : this.#guest);
  }

  get kind(): 'SSO' | 'GUEST' | 'NONE' {
    return this.#sso ? 'SSO' : this.token ? 'GUEST' : 'NONE';
  }

  /** The customer's sign-in ended and the page has not given a new token yet. */
  get ended(): boolean {
    return this.#ended;
  }

  /** The guest token this browser keeps, even while the customer is signed in. */
  get guestToken(): string | null {
    return this.#guest;
  }

  setSso(token: string | null): void {
    const next = token || null;
    if (next === this.#sso) return;
    this.#sso = next;
    // A page that drops the token on purpose signs the customer out; only a new token ends "ended".
    if (next) this.#ended = false;
    this.#changed('identity');
  }

  setGuest(token: string): void {
    this.#guest = token;
    write(this.#storageKey, token);
    this.#changed('joined');
  }

  /** The guest session was brought into the customer's account, or they chose to leave it: forget it. */
  forgetGuest(): void {
    this.#guest = null;
    write(this.#storageKey, null);
  }

  /**
   * The server refused the token: a guest forgets it (they can join again); a customer's sign-in
   * has ended, and the page is asked for a new one (they do not silently become a guest).
   */
  expire(): void {
    if (this.#sso) {
      this.#sso = null;
      this.#ended = true;
      this.#changed('ended');
    } else {
      this.forgetGuest();
      this.#changed('identity');
    }
  }

  #changed(reason: SessionChange): void {
    this.dispatchEvent(new CustomEvent<SessionChange>('change', { detail: reason }));
  }
}

// Storage can be unavailable (privacy modes, sandboxed frames): the widget then keeps the guest
// token for this page view only.
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {}
}
