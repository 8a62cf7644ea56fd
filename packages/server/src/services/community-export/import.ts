/**
 * Reads a community export (see export.ts for the layout) into this database, streamed a line at
 * a time, in one transaction: a file that is cut short, malformed or clashes with what the
 * database holds leaves nothing behind. Ids are kept, so every reference, link and signature in
 * the file stays valid. Rows go in with plain inserts: no subscriber sees them, so an import sends
 * no email or webhook and writes no activity of its own.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type EntityClass, type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import { AppError, badInput, conflict } from '../../core/errors.ts';
import type { Em } from '../../db/em.ts';
import { Community } from '../../entities/index.ts';
import {
  deferredProps,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  EXPORTED,
  exportedProps,
  fromJsonRow,
  ImportFormatError,
  metadataOf,
} from './tables.ts';

/** Rows per insert statement. */
const BATCH = 500;

export interface ImportOptions {
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  communityId: string;
  slug: string;
  counts: Record<string, number>;
}

interface Table {
  index: number;
  entity: EntityClass<object>;
  meta: EntityMetadata;
  props: EntityProperty[];
  deferred: EntityProperty[];
  /** Its references to other rows, each checked against what this file holds. */
  references: EntityProperty[];
}

const invalid = (message: string) => badInput({ forDevelopers: `The file cannot be imported. ${message}` }, 'file');

export async function importCommunity(em: Em, input: Readable, options: ImportOptions = {}): Promise<ImportResult> {
  const tables = new Map<string, Table>(
    EXPORTED.map((entity, index) => {
      const meta = metadataOf(em, entity);
      const props = exportedProps(meta);
      const references = props.filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE);
      return [meta.className, { index, entity, meta, props, deferred: deferredProps(meta), references }];
    }),
  );
  const known = new KnownIds(tables);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) return undefined;
    lineNumber += 1;
    return value;
  };
  try {
    return await em.fork().transactional(async (tx) => {
      const header = parseHeader(await next());
      const communityMeta = metadataOf(tx, Community);
      const community = fromJsonRow(communityMeta, exportedProps(communityMeta), header.community);
      await refuseClash(tx, community);
      await tx.insertMany(Community, [community as never]);

      const total = Object.values(header.counts).reduce((sum, n) => sum + n, 0);
      const seen: Record<string, number> = Object.fromEntries([...tables.keys()].map((name) => [name, 0]));
      const later: { table: Table; id: string; data: Record<string, unknown>; line: number }[] = [];
      let batch: { table: Table; rows: Record<string, unknown>[] } | undefined;
      const flush = async () => {
        if (batch?.rows.length) await tx.insertMany(batch.table.entity, batch.rows as never[]);
        batch = undefined;
      };
      let done = 0;
      let ended = false;
      for (let line = await next(); line !== undefined; line = await next()) {
        if (line === ']}') {
          ended = true;
          break;
        }
        const [table, data] = parseRow(tables, line, community.id as string);
        known.check(table, data, community.id as string);
        if (batch && batch.table !== table) await flush();
        if (batch === undefined) {
          const last = [...tables.values()].find((t) => seen[t.meta.className] && t.index > table.index);
          if (last)
            throw new ImportFormatError(`${table.meta.className} rows must come before ${last.meta.className}.`);
          batch = { table, rows: [] };
        }
        // A reference to a row of the same table may point forward: set once every row is in.
        const pending = Object.fromEntries(table.deferred.map((prop) => [prop.name, data[prop.name]]));
        if (table.deferred.some((prop) => data[prop.name] != null)) {
          later.push({ table, id: data.id as string, data: pending, line: lineNumber });
          for (const prop of table.deferred) data[prop.name] = null;
        }
        batch.rows.push(data);
        seen[table.meta.className] = (seen[table.meta.className] ?? 0) + 1;
        done += 1;
        if (batch.rows.length >= BATCH) {
          await flush();
          options.onProgress?.(done, total);
        }
      }
      if (!ended) throw new ImportFormatError('the file ends early: it was cut short or is not a Rapport export.');
      for (let line = await next(); line !== undefined; line = await next()) {
        if (line.trim()) throw new ImportFormatError('there is more after the end of the export.');
      }
      await flush();
      for (const { table, id, data, line } of later) {
        lineNumber = line;
        known.checkDeferred(table, data);
        await tx.nativeUpdate(table.entity, { id } as never, data as never, { filters: false });
      }
      for (const [name, count] of Object.entries(header.counts)) {
        if ((seen[name] ?? 0) !== count) {
          throw new ImportFormatError(`the header promises ${count} ${name} rows, the file holds ${seen[name] ?? 0}.`);
        }
      }
      options.onProgress?.(done, total);
      return { communityId: community.id as string, slug: community.slug as string, counts: seen };
    });
  } catch (error) {
    if (error instanceof ImportFormatError) throw invalid(`Line ${lineNumber}: ${error.message}`);
    if (error instanceof AppError) throw error;
    // A constraint the database enforces (a row pointing at a missing one, a duplicate id).
    throw invalid(`Line ${lineNumber}: the database refused the row: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}

/**
 * The ids of the rows read so far, for the tables something points at. Every reference in a row
 * must name a row of this file (or the imported community itself): a file cannot tie its rows to
 * another community's threads, members or replies, which would then reach it (a crafted follow of
 * another community's thread would mail that community's replies to the importer).
 */
class KnownIds {
  readonly #ids = new Map<string, Set<string>>();
  readonly #tables: Map<string, Table>;

  constructor(tables: Map<string, Table>) {
    this.#tables = tables;
    for (const table of tables.values()) {
      for (const prop of table.references) if (tables.has(prop.type)) this.#ids.set(prop.type, new Set());
    }
  }

  check(table: Table, data: Record<string, unknown>, communityId: string): void {
    this.#ids.get(table.meta.className)?.add(data.id as string);
    for (const prop of table.references) {
      const value = data[prop.name];
      if (value == null || prop.type === table.meta.className) continue;
      if (prop.type === 'Community' ? value === communityId : this.#ids.get(prop.type)?.has(value as string)) continue;
      throw new ImportFormatError(
        `${table.meta.className}.${prop.name} points at ${prop.type} ${JSON.stringify(value)}, which is not in this file${this.#tables.has(prop.type) ? ' (before this line)' : ''}.`,
      );
    }
  }

  /** A reference to a row of the same table, once every row is in. */
  checkDeferred(table: Table, data: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(data)) {
      if (value == null || this.#ids.get(table.meta.className)?.has(value as string)) continue;
      throw new ImportFormatError(
        `${table.meta.className}.${name} points at ${table.meta.className} ${JSON.stringify(value)}, which is not in this file.`,
      );
    }
  }
}

interface Header {
  community: Record<string, unknown>;
  counts: Record<string, number>;
}

function parseHeader(line: string | undefined): Header {
  if (line === undefined) throw new ImportFormatError('the file is empty.');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(`${line}]}`);
  } catch {
    throw new ImportFormatError('this is not a Rapport community export (its first line is not the header).');
  }
  if (header.format !== EXPORT_FORMAT) throw new ImportFormatError('this is not a Rapport community export.');
  if (typeof header.version !== 'number' || header.version > EXPORT_VERSION || header.version < 1) {
    throw new ImportFormatError(
      `the export is format version ${String(header.version)}; this Rapport reads versions 1 to ${EXPORT_VERSION}. Update Rapport to import it.`,
    );
  }
  const counts = header.counts as Record<string, unknown> | undefined;
  if (!counts || typeof counts !== 'object' || Object.values(counts).some((n) => !Number.isInteger(n))) {
    throw new ImportFormatError('the header has no row counts.');
  }
  if (!header.community || typeof header.community !== 'object')
    throw new ImportFormatError('the header has no community.');
  return { community: header.community as Record<string, unknown>, counts: counts as Record<string, number> };
}

function parseRow(tables: Map<string, Table>, line: string, communityId: string): [Table, Record<string, unknown>] {
  let value: unknown;
  try {
    value = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
  } catch {
    throw new ImportFormatError('this line is not JSON.');
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'object') {
    throw new ImportFormatError('a row must be ["Table", {…}].');
  }
  const table = tables.get(value[0]);
  if (!table) throw new ImportFormatError(`there is no table "${value[0]}" to import into.`);
  const data = fromJsonRow(table.meta, table.props, value[1] as Record<string, unknown>);
  if (data.community !== communityId) {
    throw new ImportFormatError(`this ${table.meta.className} row belongs to another community.`);
  }
  return [table, data];
}

/** The community (by id or by its public slug) must not be here already. */
async function refuseClash(em: Em, community: Record<string, unknown>): Promise<void> {
  const existing = await em.findOne(Community, {
    $or: [{ id: community.id as string }, { slug: community.slug as string }],
  });
  if (existing) {
    throw conflict({
      forDevelopers: `This database already has the community "${existing.slug}". Import into a database without it (or delete it first).`,
    });
  }
}
