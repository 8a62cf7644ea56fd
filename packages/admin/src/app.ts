import type { Client } from '@urql/core';

export interface StaffViewer {
  id: string;
  name: string;
  title: string | null;
  avatarUrl: string | null;
  role: 'OWNER' | 'MANAGER' | 'STAFF' | 'AGENCY';
  badge: 'STAFF' | 'AGENCY';
  agencyName: string | null;
  /** The console's language they chose (BCP 47; kept in their profile); none: their browser's. */
  staffLocale?: string | null;
}

/** What the shell shares with every screen: the client, who is signed in, and where. */
export interface AdminApp {
  client: Client;
  viewer: StaffViewer;
  /** The community's slug and name. */
  community: string;
  brand: string;
  /** Managers and owners run the community (moderation, staff, settings, audit). */
  isManager: boolean;
}
