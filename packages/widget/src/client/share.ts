import type { App } from '../app.ts';
import { RECORD_VISIT, SHARE_CODE } from '../graphql/documents.ts';
import { addressOf, routeOfAddress } from './address.ts';
import { visitorId } from './visitor.ts';

/** The sharer's referral code in a shared link (beside the widget's own parameter). */
const REF_PARAM = 'rapport-ref';

const codes = new WeakMap<App, Promise<string | null>>();

/**
 * A link to a thread on this very page, with the sharer's referral code when they have a session
 * (visits through it count toward their reach). Anonymous visitors share a plain link.
 */
export async function shareUrl(app: App, threadId: string): Promise<string> {
  const url = new URL(addressOf({ name: 'thread', id: threadId }) ?? location.href);
  url.searchParams.delete(REF_PARAM);
  url.hash = '';
  if (app.session.token) {
    let code = codes.get(app);
    if (!code) {
      code = app.client
        .mutation(SHARE_CODE, { community: app.community })
        .then((r) => (r.data?.shareCode as string | undefined) ?? null);
      codes.set(app, code);
    }
    const ref = await code;
    if (ref) url.searchParams.set(REF_PARAM, ref);
  }
  return url.toString();
}

/** Tells the community someone arrived through a member's share link (once per page load). */
export function recordArrival(app: App): void {
  const params = new URL(location.href).searchParams;
  const code = params.get(REF_PARAM);
  if (!code) return;
  void app.client.mutation(RECORD_VISIT, {
    community: app.community,
    code,
    visitor: visitorId(),
    threadId: (() => {
      const route = routeOfAddress();
      return route.name === 'thread' ? route.id : null;
    })(),
  });
}
