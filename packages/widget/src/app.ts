import type { Client } from './client/client.ts';
import type { Session } from './client/session.ts';

/**
 * What the root element shares with the components it renders: the client, who is speaking, and
 * the brand. Passed down as a property (no context library: every byte is paid by the host page).
 */
export interface App {
  client: Client;
  session: Session;
  /** The community's slug. */
  community: string;
  /** The community's (brand's) name, for "Agency for <brand>". */
  brand: string;
  /**
   * Resolves true once the visitor may act: they are signed in by the brand, already a guest, or
   * just chose a guest name; false if they closed the prompt.
   */
  ensureSession(): Promise<boolean>;
}

/**
 * Where the visitor is in the widget. Threads are named by their API id; the list, a thread, the
 * roadmap and What's new are also in the page's address (shared/widget-address.ts).
 */
export type Route =
  | { name: 'list' }
  | { name: 'thread'; id: string }
  | { name: 'new' }
  | { name: 'account' }
  | { name: 'roadmap' }
  | { name: 'whats-new'; entry?: string };

export class NavigateEvent extends Event {
  readonly route: Route;
  constructor(route: Route) {
    super('rapport-navigate', { bubbles: true, composed: true });
    this.route = route;
  }
}
