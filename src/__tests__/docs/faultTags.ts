/**
 * Reading the fault table (docs/faults.md) and the fault ids (`[F07]`) that
 * test titles carry, for the check that keeps them in agreement.
 */
import * as fs from 'fs';
import * as path from 'path';

/** One row of the fault table. */
export interface IFaultRow {
  id: string;
  fault: string;
  sees: string;
  kept: string;
  /** Repository-relative paths named in the Tests column. */
  tests: string[];
}

/** A test whose title carries fault ids. */
export interface ITaggedTest {
  /** Repository-relative path. */
  file: string;
  title: string;
  ids: string[];
}

/** The table's header, column by column. */
export const COLUMNS = [
  'ID',
  'Fault or bad input',
  'What the user sees',
  'What is kept',
  'Tests'
];

const ID_IN_BRACKETS = /\[(F\d{2,})\]/g;

/** The cells of a Markdown table line. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map(cell => cell.trim());
}

/**
 * The rows of the fault table in `markdown`; throws when the header or a
 * row does not have the table's columns.
 */
export function parseFaultTable(markdown: string): IFaultRow[] {
  const lines = markdown.split('\n').filter(line => line.startsWith('|'));
  if (!lines.length || cells(lines[0]).join('|') !== COLUMNS.join('|')) {
    throw new Error(`The table's header must be | ${COLUMNS.join(' | ')} |`);
  }
  return lines.slice(2).map(line => {
    const row = cells(line);
    if (row.length !== COLUMNS.length) {
      throw new Error(`Not ${COLUMNS.length} cells: ${line}`);
    }
    const [id, fault, sees, kept, tests] = row;
    return {
      id,
      fault,
      sees,
      kept,
      tests: [...tests.matchAll(/`([^`]+)`/g)].map(match => match[1])
    };
  });
}

/** The fault ids in `text`, e.g. `['F07']` for `'... [F07]'`. */
export function faultIds(text: string): string[] {
  return [...text.matchAll(ID_IN_BRACKETS)].map(match => match[1]);
}

/**
 * The titles of `it`, `test` and `describe` calls (with modifiers such as
 * `test.describe` or `it.skip`) in TypeScript test source that carry ids.
 */
export function tsTaggedTitles(source: string): string[] {
  const call =
    /\b(?:it|test|describe)(?:\.[a-z]+)*\(\s*(['"`])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g;
  return [...source.matchAll(call)]
    .map(match => match[2])
    .filter(title => faultIds(title).length);
}

/**
 * pytest tests with ids, as `name: ids`: ids in the comment lines directly
 * above `def test_...` (decorators may sit between) or in its docstring.
 */
export function pyTaggedTests(source: string): Map<string, string[]> {
  const lines = source.split('\n');
  const found = new Map<string, string[]>();
  lines.forEach((line, index) => {
    const def = /^\s*(?:async\s+)?def\s+(test_\w+)\s*\(/.exec(line);
    if (!def) {
      return;
    }
    const ids: string[] = [];
    for (let above = index - 1; above >= 0; above--) {
      const text = lines[above].trim();
      if (text.startsWith('#')) {
        ids.push(...faultIds(text));
      } else if (!text.startsWith('@')) {
        break;
      }
    }
    ids.push(...faultIds(docstring(lines, index)));
    if (ids.length) {
      found.set(def[1], [...new Set(ids)]);
    }
  });
  return found;
}

/** The docstring of the function whose `def` (one line) is at `index`. */
function docstring(lines: string[], index: number): string {
  const rest = lines.slice(index + 1).join('\n');
  const match = /^\s*(?:"""([\s\S]*?)"""|'''([\s\S]*?)''')/.exec(rest);
  return match ? (match[1] ?? match[2]) : '';
}

/** Files below `dir` (repository-relative) whose names match `pattern`. */
export function findFiles(
  root: string,
  dir: string,
  pattern: RegExp
): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!fs.existsSync(absolute)) {
      return;
    }
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
          walk(child);
        }
      } else if (pattern.test(entry.name)) {
        found.push(child);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Every tagged test of the repository at `root`: jest, Galata and pytest. */
export function taggedTests(root: string): ITaggedTest[] {
  const tests: ITaggedTest[] = [];
  const ts = [
    ...findFiles(root, 'src/__tests__', /\.spec\.tsx?$/),
    ...findFiles(root, 'ui-tests/tests', /\.spec\.ts$/)
  ];
  for (const file of ts) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const title of tsTaggedTitles(source)) {
      tests.push({ file, title, ids: faultIds(title) });
    }
  }
  for (const file of findFiles(root, 'hub/tests', /^test_.*\.py$/)) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const [title, ids] of pyTaggedTests(source)) {
      tests.push({ file, title, ids });
    }
  }
  return tests;
}
