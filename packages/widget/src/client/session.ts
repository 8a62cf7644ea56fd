/**
 * Who the widget speaks as: the customer the brand's page names (its SSO token), or a guest whose
 * server-issued token is kept in localStorage per community, or nobody yet. Dispatches `change`.
 */
export class Session extends EventTarget {
  readonly #storageKey: string;
  #sso: string | null = null;
  #guest: string | null;

  constructor(community: string) {
    super();
    this.#storageKey = `rapport:guest:${community}`;
    this.#guest = read(this.#storageKey);
  }

  /** The bearer token to send, if any: the brand's SSO token wins over a guest token. */
  get token(): string | null {
    return this.#sso ?? this.#guest;
  }

  get kind(): 'SSO' | 'GUEST' | 'NONE' {
    return this.#sso ? 'SSO' : this.#guest ? 'GUEST' : 'NONE';
  }

  setSso(token: string | null): void {
    if (token === this.#sso) return;
    this.#sso = token || null;
    this.#changed();
  }

  setGuest(token: string): void {
    this.#guest = token;
    write(this.#storageKey, token);
    this.#changed();
  }

  /** The server refused the token: forget it (a guest can join again; an SSO page must renew it). */
  expire(): void {
    if (this.#sso) this.#sso = null;
    else {
      this.#guest = null;
      write(this.#storageKey, null);
    }
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
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
