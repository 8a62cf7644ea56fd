import type { Em } from '../db/em.ts';
import { Mention, type Reply, StaffMember, type Thread } from '../entities/index.ts';

// "@Sam" or "@Sam Ortiz": one or two words of letters after an @.
const MENTION = /(?:^|[^\p{L}\p{N}_])@([\p{L}][\p{L}\p{M}'’-]*(?:[ \u00a0][\p{L}][\p{L}\p{M}'’-]*)?)/gu;

/** The staff a text names with @, by full name or first name (when only one has that first name). */
export function mentionedStaff(text: string, staff: readonly StaffMember[]): StaffMember[] {
  const byName = new Map<string, StaffMember[]>();
  const add = (key: string, member: StaffMember) => byName.set(key, [...(byName.get(key) ?? []), member]);
  for (const member of staff) {
    const name = member.name.toLowerCase();
    add(name, member);
    const first = name.split(/\s+/)[0];
    if (first && first !== name) add(first, member);
  }
  const found = new Set<StaffMember>();
  for (const match of text.matchAll(MENTION)) {
    const words = (match[1] ?? '').toLowerCase().replace(/\u00a0/g, ' ');
    const full = byName.get(words);
    const first = byName.get(words.split(' ')[0] ?? '');
    const hit = full?.length === 1 ? full : first?.length === 1 ? first : undefined;
    for (const member of hit ?? []) found.add(member);
  }
  return [...found];
}

/** Records who a reply mentions, inside the reply's transaction. */
export async function recordMentions(em: Em, communityId: string, thread: Thread, reply: Reply): Promise<void> {
  if (!reply.body.includes('@')) return;
  const staff = await em.find(StaffMember, { active: true });
  for (const member of mentionedStaff(reply.body, staff)) {
    em.create(Mention, { community: communityId, thread, reply, staff: member });
  }
}
