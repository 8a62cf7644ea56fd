import { type EntityClass, type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { Em } from '../../db/em.ts';
import {
  Activity,
  ApiKey,
  Ask,
  AskAnswer,
  AuditLog,
  ChangelogEntry,
  ChangelogThread,
  Cleanup,
  ConsentRecord,
  entities,
  Follow,
  Handover,
  IdempotencyKey,
  InboundEmail,
  Member,
  MemberScore,
  Mention,
  Notification,
  OutboxMessage,
  Reply,
  ReplyAddress,
  Report,
  Segment,
  SsoKey,
  StaffMember,
  StaffSession,
  StatusChange,
  Thread,
  Vote,
  Webhook,
  WebhookDelivery,
} from '../../entities/index.ts';

/** What the first line of an export says it is; an importer refuses anything else. */
export const EXPORT_FORMAT = 'rapport-community-export';
/**
 * Bumped when a table or column changes meaning or is removed. Adding a nullable (or defaulted)
 * column does not bump it: older files import with the column's default.
 */
export const EXPORT_VERSION = 1;

/**
 * The community's tables in the order they are written and must be read back: every table comes
 * after the tables it points at (a thread merged into a later thread is the one self-reference; it
 * is set in a second pass, see `deferredProps`).
 */
export const EXPORTED: EntityClass<object>[] = [
  SsoKey,
  StaffMember,
  // Hashed: the brand's servers keep calling the new host with the keys they hold.
  ApiKey,
  Segment,
  Member,
  Thread,
  Reply,
  Vote,
  Follow,
  ChangelogEntry,
  ChangelogThread,
  // An ask points at its segment and at the thread that followed it up.
  Ask,
  AskAnswer,
  StatusChange,
  Mention,
  Report,
  Activity,
  ConsentRecord,
  Handover,
  Cleanup,
  Webhook,
  AuditLog,
  Notification,
  // Reply-To addresses in emails already sent keep working on the new host.
  ReplyAddress,
  // Which emails were already posted as replies: a late redelivery is still recognised.
  InboundEmail,
];

/**
 * Tables left out on purpose, with why. A test fails when an entity is in neither list, so a new
 * table cannot be forgotten by the export.
 */
export const NOT_EXPORTED: ReadonlyMap<EntityClass<object>, string> = new Map<EntityClass<object>, string>([
  [StaffSession, 'sign-in sessions of this host; staff sign in again on the new one'],
  [MemberScore, 'derived from the activity log; the import recomputes the ranking'],
  [OutboxMessage, 'emails queued on this host; the new host must not send them a second time'],
  [WebhookDelivery, "this host's delivery attempts; the webhooks themselves are exported"],
  [IdempotencyKey, 'retry keys of requests sent to this host; they expire within a day'],
]);

/** Every entity, to check that the two lists above cover them all. */
export const ALL_ENTITIES = entities as EntityClass<object>[];

/** The columns of one table as the export writes them: scalars and to-one references, in schema order. */
export function exportedProps(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter(
    (prop) =>
      (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE) &&
      prop.persist !== false &&
      !prop.formula,
  );
}

/** References to the table's own rows, which may point forward in id order: set after every row is in. */
export function deferredProps(meta: EntityMetadata): EntityProperty[] {
  return exportedProps(meta).filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE && prop.type === meta.className);
}

export const metadataOf = (em: Em, entity: EntityClass<object>): EntityMetadata =>
  em.getMetadata().get(entity) as EntityMetadata;

const isDate = (prop: EntityProperty) => prop.runtimeType === 'Date';

/** One row as JSON: dates as ISO strings, references as the referenced row's id. */
export function toJsonRow(props: EntityProperty[], entity: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const prop of props) {
    const value = entity[prop.name];
    if (value === undefined || value === null) row[prop.name] = null;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE) row[prop.name] = (value as { id: string }).id;
    else if (value instanceof Date) row[prop.name] = value.toISOString();
    else row[prop.name] = value;
  }
  return row;
}

/** A problem with the file being imported, with where it is. */
export class ImportFormatError extends Error {}

/**
 * The entity data for one JSON row, checked against the schema: unknown columns are refused,
 * missing ones are left to their default (a file from an older version of Rapport), dates parsed.
 */
export function fromJsonRow(
  meta: EntityMetadata,
  props: EntityProperty[],
  row: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const known = new Set(props.map((prop) => prop.name));
  for (const name of Object.keys(row)) {
    if (!known.has(name)) throw new ImportFormatError(`${meta.className} has no column "${name}".`);
  }
  for (const prop of props) {
    if (!(prop.name in row)) continue;
    const value = row[prop.name];
    if (value !== null) checkType(meta, prop, value);
    if (value !== null && isDate(prop)) {
      const date = new Date(value as string);
      if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
        throw new ImportFormatError(`${meta.className}.${prop.name} is not a date: ${JSON.stringify(value)}.`);
      }
      data[prop.name] = date;
    } else {
      data[prop.name] = value;
    }
  }
  return data;
}

/** SQLite stores whatever it is given; a value of the wrong type is refused here instead. */
function checkType(meta: EntityMetadata, prop: EntityProperty, value: unknown): void {
  const where = `${meta.className}.${prop.name}`;
  if (prop.enum && prop.items && !prop.items.includes(value as string)) {
    throw new ImportFormatError(`${where} cannot be ${JSON.stringify(value)} (one of ${prop.items.join(', ')}).`);
  }
  const expected =
    prop.kind === ReferenceKind.MANY_TO_ONE || isDate(prop)
      ? 'string'
      : ['string', 'number', 'boolean'].includes(prop.runtimeType)
        ? prop.runtimeType
        : undefined;
  if (expected && typeof value !== expected) {
    throw new ImportFormatError(`${where} must be a ${expected}, not ${JSON.stringify(value)}.`);
  }
}
