/** Who an ask is put to, and the email telling them of it (only with STAFF_CONTACT consent). */

import type { Scope } from '../../core/scope.ts';
import type { Em } from '../../db/em.ts';
import type { Ask } from '../../entities/index.ts';
import { consenting } from '../consent.ts';
import { personInEmail } from '../notifications/on-activity.ts';
import { enqueueEmails } from '../notifications/tell.ts';
import { where } from '../segments/members.ts';

/** Members per query when checking consent (bound values stay well under both databases' limits). */
const CHUNK = 2000;

/**
 * The members an ask is for right now: its target's rules (no rules: every member). Everything is
 * read on `em`: inside a write, that is its transaction (SQLite has one connection, which a read
 * outside the transaction would wait for, for ever).
 */
export async function targetIds(scope: Scope, em: Em, ask: Ask): Promise<string[]> {
  const w = await where({ communityId: scope.communityId, em }, ask.targetRules ?? {});
  const rows = await em.execute<{ id: string }[]>(`select m.id from member m where ${w.sql}`, w.params);
  return rows.map((r) => r.id);
}

/** How many members the ask is for, now. */
export async function targetCount(scope: Scope, ask: Ask): Promise<number> {
  const w = await where(scope, ask.targetRules ?? {});
  const [row] = await scope.em.execute<{ n: number | string }[]>(
    `select count(*) as n from member m where ${w.sql}`,
    w.params,
  );
  return Number(row?.n ?? 0);
}

/** Whether `memberId` is among those the ask is for, now. */
export async function isAskedOf(scope: Scope, ask: Ask, memberId: string): Promise<boolean> {
  if (!ask.targetRules) return true;
  const w = await where(scope, ask.targetRules);
  const rows = await scope.em.execute<unknown[]>(`select 1 as x from member m where m.id = ? and ${w.sql}`, [
    memberId,
    ...w.params,
  ]);
  return rows.length > 0;
}

/**
 * Queues the ask's email to the members it is for who agreed to be contacted by staff. The outbox
 * checks that consent again when it sends, so a member who withdraws it before then gets nothing.
 * Returns how many were queued.
 */
export async function tellOfAsk(scope: Scope, em: Em, ask: Ask): Promise<number> {
  const ids = await targetIds(scope, em, ask);
  const agreed: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    agreed.push(...(await consenting(em, ids.slice(i, i + CHUNK), 'STAFF_CONTACT')));
  }
  if (agreed.length === 0) return 0;
  const data = {
    askId: ask.id,
    question: ask.question,
    details: ask.details,
    choices: ask.choices,
    closesAt: ask.closesAt.toISOString(),
    by: await personInEmail(em, { staff: ask.author.id }),
  };
  await enqueueEmails(em, scope.communityId, agreed, `ask:${ask.id}`, null, {
    purpose: 'STAFF_CONTACT',
    template: 'ask',
    subject: ask.question,
    data,
  });
  return agreed.length;
}
