import type { FilterQuery } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import { MAX_CHANGELOG_THREADS } from '@rapport/shared/limits.ts';
import { badInput, notFound } from '../../core/errors.ts';
import { findPage, type Page, type PageArgs } from '../../core/pagination.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import {
  ChangelogEntry,
  type ChangelogStatus,
  ChangelogThread,
  Member,
  StaffMember,
  Thread,
} from '../../entities/index.ts';
import { type Actor, isStaff, type MemberActor, type StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { type Publication, shipDelivered, tellOfEntry } from './publish.ts';

export interface EntryInput {
  title?: string | null;
  body?: string | null;
  /** The threads it delivers (replacing those it had). */
  threadIds?: readonly string[] | null;
}

const nothingTold: Publication = { notified: [] };

/** The threads an entry may deliver: this community's, visible, not merged away; at most 50. */
async function checkedThreads(scope: Scope, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_CHANGELOG_THREADS) {
    throw badInput(['error.changelog.tooManyThreads', { max: MAX_CHANGELOG_THREADS }], 'threadIds');
  }
  if (unique.some((id) => !valid.isUuid(id))) throw badInput('error.changelog.missingThread', 'threadIds');
  const found = unique.length
    ? await scope.em.find(Thread, { id: { $in: unique }, deletedAt: null, mergedInto: null }, { fields: ['id'] })
    : [];
  if (found.length !== unique.length) {
    throw badInput('error.changelog.goneThread', 'threadIds');
  }
  return unique;
}

async function lockEntry(em: Scope['em'], id: string): Promise<ChangelogEntry> {
  const entry = valid.isUuid(id)
    ? await em.findOne(ChangelogEntry, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!entry) throw notFound('error.notFound.entry');
  return entry;
}

export async function createEntry(scope: Scope, actor: StaffActor, input: EntryInput): Promise<ChangelogEntry> {
  const title = valid.line(input.title ?? '', valid.LIMITS.changelogTitle);
  const body = valid.text(input.body ?? '', valid.LIMITS.changelogBody);
  const threadIds = await checkedThreads(scope, input.threadIds ?? []);
  return write(scope, async (em) => {
    const entry = em.create(ChangelogEntry, { community: scope.communityId, title, body, author: actor.staff });
    for (const [position, thread] of threadIds.entries()) {
      em.create(ChangelogThread, { community: scope.communityId, entry, thread, position });
    }
    recordAudit(em, scope.communityId, actor, {
      action: 'changelog.create',
      targetType: 'ChangelogEntry',
      targetId: entry.id,
      after: { title, threadIds },
    });
    return entry;
  });
}

/**
 * Changes an entry. A published one is shown as edited, and threads it now delivers are shipped
 * (their people told); threads taken off it keep their status.
 */
export async function updateEntry(
  scope: Scope,
  actor: StaffActor,
  id: string,
  input: EntryInput,
): Promise<{ entry: ChangelogEntry; publication: Publication }> {
  const title = input.title == null ? undefined : valid.line(input.title, valid.LIMITS.changelogTitle);
  const body = input.body == null ? undefined : valid.text(input.body, valid.LIMITS.changelogBody);
  const threadIds = input.threadIds == null ? undefined : await checkedThreads(scope, input.threadIds);
  const result = await write(scope, async (em, emit) => {
    const entry = await lockEntry(em, id);
    const before = { title: entry.title, body: entry.body };
    if (title !== undefined) entry.title = title;
    if (body !== undefined) entry.body = body;
    let added: string[] = [];
    if (threadIds !== undefined) {
      const links = await em.find(ChangelogThread, { entry });
      const had = new Map(links.map((l) => [l.thread.id, l]));
      for (const link of links) if (!threadIds.includes(link.thread.id)) em.remove(link);
      added = threadIds.filter((t) => !had.has(t));
      threadIds.forEach((thread, position) => {
        const link = had.get(thread);
        if (link) link.position = position;
        else em.create(ChangelogThread, { community: scope.communityId, entry, thread, position });
      });
    }
    let publication = nothingTold;
    if (entry.status === 'PUBLISHED') {
      entry.editedAt = new Date();
      await em.flush();
      if (added.length) {
        await shipDelivered(em, actor, entry, emit);
        publication = await tellOfEntry(em, entry, added);
      }
    }
    recordAudit(em, scope.communityId, actor, {
      action: 'changelog.update',
      targetType: 'ChangelogEntry',
      targetId: entry.id,
      before,
      after: { title: entry.title, body: entry.body, ...(threadIds ? { threadIds } : {}) },
    });
    return { entry, publication };
  });
  announce(scope, result.publication, false);
  return result;
}

/**
 * Publishes an entry now, or at `at` (it is then SCHEDULED and publishes itself: publishDue).
 * Publishing ships the threads it delivers in the same transaction and tells everyone who asked.
 */
export async function publishEntry(
  scope: Scope,
  actor: StaffActor,
  id: string,
  at?: Date | null,
): Promise<ChangelogEntry> {
  if (at && Number.isNaN(at.getTime())) throw badInput('error.changelog.badDate', 'at');
  if (at && at.getTime() > Date.now() + 5_000) {
    if (at.getTime() > Date.now() + 366 * 86_400_000) throw badInput('error.changelog.tooFar', 'at');
    return write(scope, async (em) => {
      const entry = await lockEntry(em, id);
      if (entry.status === 'PUBLISHED') throw badInput('error.changelog.published', 'at');
      entry.status = 'SCHEDULED';
      entry.publishAt = at;
      recordAudit(em, scope.communityId, actor, {
        action: 'changelog.schedule',
        targetType: 'ChangelogEntry',
        targetId: entry.id,
        after: { publishAt: at.toISOString() },
      });
      return entry;
    });
  }
  const { entry, publication } = await publishLocked(scope, actor, id, ['DRAFT', 'SCHEDULED']);
  announce(scope, publication, true);
  return entry;
}

/** Publishes in one transaction if the entry is (still) in one of `from`; what a scheduler races on. */
async function publishLocked(
  scope: Scope,
  actor: StaffActor,
  id: string,
  from: ChangelogStatus[],
): Promise<{ entry: ChangelogEntry; publication: Publication }> {
  return write(scope, async (em, emit) => {
    const entry = await lockEntry(em, id);
    if (!from.includes(entry.status)) {
      if (entry.status === 'PUBLISHED') throw badInput('error.changelog.published', 'id');
      throw badInput('error.changelog.notScheduled', 'id');
    }
    entry.status = 'PUBLISHED';
    entry.publishedAt = new Date();
    entry.publishAt = null;
    await em.flush();
    const shipped = await shipDelivered(em, actor, entry, emit);
    const links = await em.find(ChangelogThread, { entry }, { fields: ['thread'] });
    const publication = await tellOfEntry(
      em,
      entry,
      links.map((l) => l.thread.id),
    );
    recordAudit(em, scope.communityId, actor, {
      action: 'changelog.publish',
      targetType: 'ChangelogEntry',
      targetId: entry.id,
      after: { title: entry.title, shipped: shipped.map((t) => t.id) },
    });
    return { entry, publication };
  });
}

/** Tells the widgets open right now: who was notified, and (published) that there is news. */
function announce(scope: Scope, publication: Publication, published: boolean): void {
  const at = new Date().toISOString();
  if (publication.notified.length)
    scope.events.publishToMembers(scope.communityId, publication.notified, { type: 'NOTIFIED', at });
  if (published) scope.events.publishToMembers(scope.communityId, 'all', { type: 'CHANGELOG_PUBLISHED', at });
}

/** Takes an entry back to a draft: it leaves "What's new"; the threads it shipped stay shipped. */
export async function unpublishEntry(scope: Scope, actor: StaffActor, id: string): Promise<ChangelogEntry> {
  return write(scope, async (em) => {
    const entry = await lockEntry(em, id);
    if (entry.status === 'DRAFT') throw badInput('error.changelog.notPublished', 'id');
    const before = { status: entry.status };
    entry.status = 'DRAFT';
    entry.publishedAt = null;
    entry.publishAt = null;
    recordAudit(em, scope.communityId, actor, {
      action: 'changelog.unpublish',
      targetType: 'ChangelogEntry',
      targetId: entry.id,
      before,
    });
    return entry;
  });
}

/** Deletes a draft or a scheduled entry (a published one is unpublished first). */
export async function deleteEntry(scope: Scope, actor: StaffActor, id: string): Promise<boolean> {
  return write(scope, async (em) => {
    const entry = await lockEntry(em, id);
    if (entry.status === 'PUBLISHED') throw badInput('error.changelog.unpublishFirst', 'id');
    await em.nativeDelete(ChangelogThread, { entry: entry.id });
    em.remove(entry);
    recordAudit(em, scope.communityId, actor, {
      action: 'changelog.delete',
      targetType: 'ChangelogEntry',
      targetId: entry.id,
      before: { title: entry.title },
    });
    return true;
  });
}

/** Customers see published entries, newest first; staff see every entry (or those of a status). */
export function listEntries(
  scope: Scope,
  viewer: Actor | null,
  args: PageArgs & { status?: ChangelogStatus | null },
): Promise<Page<ChangelogEntry>> {
  if (!isStaff(viewer)) {
    return findPage(scope.em, ChangelogEntry, { status: 'PUBLISHED' }, { publishedAt: 'desc', id: 'desc' }, args);
  }
  const where: FilterQuery<ChangelogEntry> = args.status ? { status: args.status } : {};
  return findPage(scope.em, ChangelogEntry, where, { createdAt: 'desc', id: 'desc' }, args);
}

/** An entry the viewer may see (customers: published ones), or null. */
export async function findEntry(scope: Scope, viewer: Actor | null, id: string): Promise<ChangelogEntry | null> {
  if (!valid.isUuid(id)) return null;
  const entry = await scope.loaders.byId(ChangelogEntry).load(id);
  return entry && (isStaff(viewer) || entry.status === 'PUBLISHED') ? entry : null;
}

/** The threads an entry delivers, in the order they were linked. */
export async function deliveredThreads(scope: Scope, entryId: string): Promise<Thread[]> {
  const links = await scope.em.find(
    ChangelogThread,
    { entry: entryId },
    { populate: ['thread'], orderBy: { position: 'asc', id: 'asc' } },
  );
  return links.map((l) => l.thread).filter((t) => !t.deletedAt && !t.hiddenAt);
}

/** Published entries a member has not seen yet (the widget's unread dot): since they last looked. */
export async function unreadEntryCount(scope: Scope, actor: MemberActor): Promise<number> {
  const member = await scope.em.findOneOrFail(
    Member,
    { id: actor.member.id },
    { fields: ['changelogReadAt', 'firstSeenAt'] },
  );
  const since = member.changelogReadAt ?? member.firstSeenAt;
  return scope.em.count(ChangelogEntry, { status: 'PUBLISHED', publishedAt: { $gt: since } });
}

export async function markChangelogRead(scope: Scope, actor: MemberActor): Promise<void> {
  await write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    member.changelogReadAt = new Date();
  });
}

/**
 * Publishes scheduled entries whose time has come, in every community (a background job of every
 * process: an entry another process published first is skipped). Returns how many it published.
 */
export async function publishDue(
  em: Scope['em'],
  open: (communityId: string) => Scope,
  now = new Date(),
): Promise<number> {
  const due = await em.find(
    ChangelogEntry,
    { status: 'SCHEDULED', publishAt: { $lte: now } },
    { filters: { tenant: false }, populate: ['author'], limit: 50 },
  );
  let published = 0;
  for (const entry of due) {
    const scope = open(entry.community.id);
    const author = await scope.em.findOne(StaffMember, { id: entry.author.id });
    const actor: StaffActor = {
      kind: 'STAFF',
      communityId: scope.communityId,
      staff: author ?? entry.author,
      session: null,
    };
    try {
      const { publication } = await publishLocked(scope, actor, entry.id, ['SCHEDULED']);
      announce(scope, publication, true);
      published++;
    } catch (error) {
      if ((error as { code?: string }).code !== 'BAD_USER_INPUT') throw error;
    }
  }
  return published;
}
