import type { Client } from '@urql/core';
import type { ViewerStaff } from './documents/session.ts';

/** The signed-in staff member (the viewer query's), with the console's language they chose. */
export type StaffViewer = ViewerStaff & {
  /** The console's language they chose (BCP 47; kept in their profile); none: their browser's. */
  staffLocale?: string | null;
};

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
