import type { Scope } from '../core/scope.ts';
import { isUuid } from '../core/validation.ts';
import { type AuditLog, ChangelogEntry, Handover, Member, StaffMember, Thread, Webhook } from '../entities/index.ts';

/** A record an audit entry names by id, with what a person calls it. */
export interface AuditReference {
  id: string;
  type: 'StaffMember' | 'Member' | 'Thread' | 'ChangelogEntry' | 'Webhook' | 'Handover';
  name: string;
}

/** Where to look for each kind of id, and what to call what is found. */
const KINDS = [
  { type: 'StaffMember', entity: StaffMember, name: (row: StaffMember) => row.name },
  { type: 'Member', entity: Member, name: (row: Member) => row.displayName },
  { type: 'Thread', entity: Thread, name: (row: Thread) => row.title },
  { type: 'ChangelogEntry', entity: ChangelogEntry, name: (row: ChangelogEntry) => row.title },
  { type: 'Webhook', entity: Webhook, name: (row: Webhook) => row.url },
  {
    type: 'Handover',
    entity: Handover,
    populate: ['fromStaff', 'toStaff'],
    name: (row: Handover) => `${row.fromStaff.name} → ${row.toStaff.name}`,
  },
] as const;

/** Every id an entry mentions: its target, and ids in what it recorded before and after. */
function idsIn(entry: AuditLog): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isUuid(value)) found.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  if (isUuid(entry.targetId)) found.add(entry.targetId);
  walk(entry.before);
  walk(entry.after);
  return [...found];
}

/**
 * What the ids in an audit entry stand for (names, titles), batched over every entry of the
 * request: the log shows "Sam Support" where it recorded a UUID. Ids of rows that are gone, or
 * that name nothing known, are left out.
 */
export async function auditReferences(scope: Scope, entry: AuditLog): Promise<AuditReference[]> {
  const ids = idsIn(entry);
  const found = await scope.loaders
    .named('audit-references', async (wanted: readonly string[]) => {
      const byId = new Map<string, AuditReference>();
      let missing = [...new Set(wanted)];
      for (const kind of KINDS) {
        if (!missing.length) break;
        const populate = 'populate' in kind ? { populate: [...kind.populate] } : {};
        const rows = await scope.em.find(
          kind.entity as typeof Member,
          { id: { $in: missing } } as never,
          populate as never,
        );
        for (const row of rows as never[]) {
          const ref = { id: (row as { id: string }).id, type: kind.type, name: kind.name(row as never) };
          byId.set(ref.id, ref);
        }
        missing = missing.filter((id) => !byId.has(id));
      }
      return wanted.map((id) => byId.get(id) ?? null);
    })
    .loadMany(ids);
  return found.filter((ref): ref is AuditReference => ref !== null && !(ref instanceof Error));
}
