/**
 * docs/faults.md against the tests: every row has a test, every fault id in
 * a test title is a row, and each row's Tests column names the files of its
 * tests.
 */
import * as fs from 'fs';
import * as path from 'path';

import {
  faultIds,
  IFaultRow,
  ITaggedTest,
  parseFaultTable,
  pyTaggedTests,
  taggedTests,
  tsTaggedTitles
} from './faultTags';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TABLE = 'docs/faults.md';

/** `[Fnn]`, built so that this file's own source carries no fault id. */
const tag = (n: string) => `[F${n}]`;

describe('reading fault ids', () => {
  it('finds them in it, test and describe titles, over several lines', () => {
    const source = [
      `it('refuses a status_url ${tag('10')}', () => undefined);`,
      `test.describe(\n  "two ids ${tag('01')} ${tag('02')}",`,
      'it(`a template ' + tag('03') + '`, async () => {});',
      `it('no id here', () => undefined);`,
      `helper('not a test ${tag('04')}');`
    ].join('\n');
    expect(tsTaggedTitles(source).map(faultIds)).toEqual([
      ['F10'],
      ['F01', 'F02'],
      ['F03']
    ]);
  });

  it('finds them in pytest comments above a test and in its docstring', () => {
    const source = [
      `# ${tag('22')}`,
      '@pytest.mark.slow',
      'def test_host_header(hub):',
      '    pass',
      '',
      'def test_root(tmp_path):',
      `    """Refused without the flag ${tag('23')}."""`,
      '',
      `x = 1  # ${tag('05')}`,
      'def test_untagged():',
      '    """No id."""'
    ].join('\n');
    expect([...pyTaggedTests(source)]).toEqual([
      ['test_host_header', ['F22']],
      ['test_root', ['F23']]
    ]);
  });

  it('reads the rows and the files of their tests', () => {
    const rows = parseFaultTable(
      [
        '| ID | Fault or bad input | What the user sees | What is kept | Tests |',
        '| --- | --- | --- | --- | --- |',
        '| F01 | a | b | c | `x.spec.ts`, `y.py` |',
        '| F02 | a | b | c | — |'
      ].join('\n')
    );
    expect(rows.map(row => [row.id, row.tests])).toEqual([
      ['F01', ['x.spec.ts', 'y.py']],
      ['F02', []]
    ]);
  });
});

describe(TABLE, () => {
  let rows: IFaultRow[];
  let tests: ITaggedTest[];

  beforeAll(() => {
    rows = parseFaultTable(fs.readFileSync(path.join(ROOT, TABLE), 'utf8'));
    tests = taggedTests(ROOT);
  });

  it('numbers its rows F01, F02, … and fills every column but Tests', () => {
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, index) => {
      expect(row.id).toBe(`F${String(index + 1).padStart(2, '0')}`);
      expect(row.fault).not.toBe('');
      expect(row.sees).not.toBe('');
      expect(row.kept).not.toBe('');
    });
  });

  it('has a test for every row', () => {
    const covered = new Set(tests.flatMap(test => test.ids));
    const untested = rows
      .filter(row => !covered.has(row.id))
      .map(row => `${row.id} (no test title has [${row.id}]): ${row.fault}`);
    expect(untested).toEqual([]);
  });

  it('has a row for every fault id in a test title', () => {
    const ids = new Set(rows.map(row => row.id));
    const unknown = tests.flatMap(test =>
      test.ids
        .filter(id => !ids.has(id))
        .map(id => `${id} in ${test.file}: ${test.title}`)
    );
    expect(unknown).toEqual([]);
  });

  it("names in each row's Tests column the files of its tests", () => {
    const wrong = rows
      .map(row => {
        const files = [
          ...new Set(
            tests.filter(test => test.ids.includes(row.id)).map(t => t.file)
          )
        ].sort();
        const listed = [...row.tests].sort();
        return listed.join(', ') === files.join(', ')
          ? null
          : `${row.id}: lists [${listed.join(', ')}], tests are in [${files.join(', ')}]`;
      })
      .filter(line => line !== null);
    expect(wrong).toEqual([]);
  });
});
