import type { Em } from '../../db/em.ts';
import { ConsentRecord, Follow, Member, Vote } from '../../entities/index.ts';

const noTenant = { filters: { tenant: false } } as const;

/**
 * `followersOf` in SQL, for a write that reads its audience itself (services/reply-write/read.ts):
 * the follows of one thread joined to their members (`m`), both of community `c`.
 */
export const followersSql = (c: string, thread: string) =>
  `follow f join member m on m.id = f.member_id where f.community_id = ${c} and f.thread_id = ${thread} and m.community_id = ${c}`;

/**
 * Members of the community following its threads (authors follow what they post). Every query here
 * names the community, of the row and of the member: a follow or vote that points across tenants
 * (wrong data, a crafted import) never makes anyone hear of another community's threads.
 */
export async function followersOf(em: Em, communityId: string, threadIds: readonly string[]): Promise<Set<string>> {
  if (threadIds.length === 0) return new Set();
  const follows = await em.find(
    Follow,
    { community: communityId, thread: { $in: [...threadIds] }, member: { community: communityId } },
    { ...noTenant, fields: ['member'] },
  );
  return new Set(follows.map((f) => f.member?.id).filter((id): id is string => !!id));
}

/**
 * Who hears of a thread's status (and its shipping or merging): its followers, with its author,
 * and those who voted for it and kept "voting subscribes me" on. Merged duplicates' votes and
 * follows moved to the thread they merged into, so their people are here too.
 */
export async function askedFor(em: Em, communityId: string, threadIds: readonly string[]): Promise<Set<string>> {
  const people = await followersOf(em, communityId, threadIds);
  if (threadIds.length === 0) return people;
  const votes = await em.find(
    Vote,
    { community: communityId, thread: { $in: [...threadIds] } },
    { ...noTenant, fields: ['member'] },
  );
  const voters = [...new Set(votes.map((v) => v.member.id))].filter((id) => !people.has(id));
  if (voters.length > 0) {
    const subscribed = await em.find(
      Member,
      { id: { $in: voters }, community: communityId, followOnVote: true },
      { ...noTenant, fields: ['id'] },
    );
    for (const member of subscribed) people.add(member.id);
  }
  return people;
}

/** Members of a community who agreed to hear of product updates (their latest record grants it). */
export async function productUpdateSubscribers(em: Em, communityId: string): Promise<Set<string>> {
  const records = await em.find(
    ConsentRecord,
    { community: communityId, member: { community: communityId }, purpose: 'PRODUCT_UPDATES' },
    { ...noTenant, fields: ['member', 'granted'], orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  const latest = new Map<string, boolean>();
  for (const record of records) if (!latest.has(record.member.id)) latest.set(record.member.id, record.granted);
  return new Set([...latest].filter(([, granted]) => granted).map(([id]) => id));
}
