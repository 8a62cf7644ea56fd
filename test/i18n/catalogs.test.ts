/**
 * Every shipped locale has every message of the widget (and each package listed below), and no
 * more; each translation is a valid ICU message with the same arguments as the English, and a
 * plural in it has every form its language needs (Polish: one, few, many, other; Arabic: zero,
 * one, two, few, many, other) and none it does not have. The XLIFF files are current with the code
 * (`lit-localize extract`), and the locale modules with the XLIFF files (`lit-localize build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { LOCALES, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = ['widget', 'admin'];
const TARGETS = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);
const temp = mkdtempSync(join(tmpdir(), 'rapport-i18n-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Unit {
  source: string;
  target?: string;
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'trans-unit' });

/** The messages of an XLIFF file, by id. */
function readXliff(path: string): Map<string, Unit> {
  const doc = xml.parse(readFileSync(path, 'utf8'));
  const units: { '@_id': string; source: unknown; target?: unknown }[] = doc.xliff.file.body?.['trans-unit'] ?? [];
  return new Map(
    units.map((u) => [
      u['@_id'],
      { source: String(u.source), ...(u.target === undefined ? {} : { target: String(u.target) }) },
    ]),
  );
}

/** What a message needs: its argument names, and for each plural argument, its forms. */
function shape(message: string): { args: Set<string>; plurals: { arg: string; forms: string[] }[] } {
  const args = new Set<string>();
  const plurals: { arg: string; forms: string[] }[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound || element.type === TYPE.tag) continue;
      args.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        if (element.type === TYPE.plural && element.pluralType === 'cardinal') {
          plurals.push({ arg: element.value, forms: Object.keys(element.options) });
        }
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message, { requiresOtherClause: true }));
  return { args, plurals };
}

/** What is wrong with one translation of `source` into `locale`, if anything. */
function checkTranslation(
  where: string,
  source: string,
  translation: string | undefined,
  locale: string,
  needed: string[],
): string[] {
  if (!translation?.trim()) return [`${where}: no translation`];
  // ICU would read it as quoting (shared/i18n/message-format.ts leaves quoting out): use ’.
  if (/''|'[{}#|]/.test(translation))
    return [`${where}: an ICU quoting apostrophe ('' or ' before a brace, # or |); write ’ instead`];
  const expected = shape(source);
  let actual: ReturnType<typeof shape>;
  try {
    actual = shape(translation);
  } catch (error) {
    return [`${where}: not a valid ICU message: ${(error as Error).message} in "${translation}"`];
  }
  const problems: string[] = [];
  if ([...expected.args].sort().join() !== [...actual.args].sort().join()) {
    problems.push(`${where}: arguments {${[...actual.args]}} instead of {${[...expected.args]}}`);
  }
  for (const plural of actual.plurals) {
    const forms = plural.forms.filter((form) => !form.startsWith('='));
    const missing = needed.filter((form) => !forms.includes(form));
    const extra = forms.filter((form) => !needed.includes(form));
    if (missing.length) problems.push(`${where}: {${plural.arg}} lacks the ${missing.join(', ')} form(s)`);
    if (extra.length) problems.push(`${where}: {${plural.arg}} has ${extra.join(', ')}, which ${locale} does not use`);
  }
  return problems;
}

/** A copy of the package's lit-localize config, writing into the temporary directory. */
function configIn(pkg: string, output: object): string {
  const config = JSON.parse(readFileSync(join(root, 'packages', pkg, 'lit-localize.json'), 'utf8'));
  const path = join(root, 'packages', pkg, `.lit-localize.${process.pid}.json`);
  writeFileSync(path, JSON.stringify({ ...config, ...output }));
  return path;
}

const litLocalize = (pkg: string, command: string, config: string) =>
  execFileSync(join(root, 'node_modules/.bin/lit-localize'), [command, '--config', config], {
    cwd: join(root, 'packages', pkg),
    stdio: 'pipe',
  });

for (const pkg of PACKAGES) {
  describe(`${pkg} messages`, () => {
    const dir = join(root, 'packages', pkg, 'xliff');
    const catalogs = new Map(TARGETS.map((locale) => [locale, readXliff(join(dir, `${locale}.xlf`))]));

    it('are all in the XLIFF files, as the code has them now (lit-localize extract)', () => {
      const fresh = join(temp, `${pkg}-xliff`);
      const config = configIn(pkg, { interchange: { format: 'xliff', xliffDir: fresh } });
      try {
        litLocalize(pkg, 'extract', config);
      } finally {
        rmSync(config);
      }
      for (const locale of TARGETS) {
        const extracted = readXliff(join(fresh, `${locale}.xlf`));
        const committed = catalogs.get(locale) as Map<string, Unit>;
        const sources = (units: Map<string, Unit>) => [...units].map(([id, u]) => `${id} ${u.source}`).sort();
        expect(sources(committed), `${pkg} ${locale}`).toEqual(sources(extracted));
      }
    });

    it.each(TARGETS)('are all translated into %s, each with the right arguments and plural forms', (locale) => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
      const problems: string[] = [];
      for (const [id, unit] of catalogs.get(locale) as Map<string, Unit>) {
        problems.push(...checkTranslation(`${id} "${unit.source}"`, unit.source, unit.target, locale, needed));
      }
      expect(problems).toEqual([]);
    });

    it('are built into the locale modules from the XLIFF files (lit-localize build)', () => {
      const built = join(temp, `${pkg}-built`);
      const config = configIn(pkg, {
        output: {
          ...JSON.parse(readFileSync(join(root, 'packages', pkg, 'lit-localize.json'), 'utf8')).output,
          outputDir: built,
        },
      });
      try {
        litLocalize(pkg, 'build', config);
      } finally {
        rmSync(config);
      }
      const committed = join(root, 'packages', pkg, 'src/generated/locales');
      expect(readdirSync(committed).sort()).toEqual(readdirSync(built).sort());
      for (const file of readdirSync(built)) {
        expect(readFileSync(join(committed, file), 'utf8'), file).toBe(readFileSync(join(built, file), 'utf8'));
      }
    });
  });
}

describe('server messages (emails, the unsubscribe page, consent texts)', () => {
  const dir = join(root, 'packages/server/src/i18n/messages');
  const read = (locale: string): Record<string, string> =>
    JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8'));
  const english = read(SOURCE_LOCALE);

  it.each(TARGETS)('have a complete %s catalog, each message with the right arguments and plural forms', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    const catalog = read(locale);
    const problems: string[] = Object.keys(catalog)
      .filter((id) => !(id in english))
      .map((id) => `${id}: not an English message`);
    for (const [id, source] of Object.entries(english)) {
      problems.push(...checkTranslation(`${id} "${source}"`, source, catalog[id], locale, needed));
    }
    expect(problems).toEqual([]);
  });
});
