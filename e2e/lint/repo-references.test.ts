import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { proseOf } from './check-references.js';
import noDeadReferences from './no-dead-references.js';
import { createRepoIndex, deadReferences, findReferences, gitignoreMatcher, isUnder, REPO_ROOT, resolves, type RepoIndex } from './repo-references.js';

// Names of files that do not exist are built, so the repository's own reference check (and any
// reader) does not take this test data for real citations.
const MD = '.md';

function texts(text: string): string[] {
  return findReferences(text).map((reference) => reference.text);
}

/** A repository of a few files, as the index would see it. */
function fakeIndex(files: string[], gitignore = ''): RepoIndex {
  const folders = new Set(['.']);
  for (const file of files) for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) folders.add(file.slice(0, at));
  return {
    exists: (path) => files.includes(path) || folders.has(path),
    hasFileNamed: (name) => files.some((file) => file === name || file.endsWith(`/${name}`)),
    isGenerated: gitignoreMatcher(gitignore),
  };
}

describe('findReferences', () => {
  it('finds paths from a top-level folder, relative paths and .md/.ts/.tsx names', () => {
    expect(texts('see src/shared/messages.ts, docs/settings.md and e2e/specs/ for more')).toEqual(['src/shared/messages.ts', 'docs/settings.md', 'e2e/specs/']);
    expect(texts("import { x } from './server'; and ../README.md")).toEqual(['./server', '../README.md']);
    expect(texts(`joined in context-intake.ts (DESIGN${MD} "Settings"), App.tsx, shared/messages.ts`)).toEqual(['context-intake.ts', `DESIGN${MD}`, 'App.tsx', 'shared/messages.ts']);
  });

  it('gives each reference its offset in the text', () => {
    const text = `a (TARGETS${MD} P8) and src/content/`;
    expect(findReferences(text).map(({ text: found, offset }) => text.slice(offset, offset + found.length) === found)).toEqual([true, true]);
    expect(findReferences(text)[0]).toMatchObject({ text: `TARGETS${MD}`, offset: 3, kind: 'named' });
  });

  it('drops the full stop that ends a sentence, not the slash that ends a folder', () => {
    expect(texts('It is in src/shared/browser.ts. And in docs/.')).toEqual(['src/shared/browser.ts', 'docs/']);
  });

  it('ignores URLs, absolute paths, globs, package names and ordinary words', () => {
    expect(texts(`https://github.com/o/r/blob/main/src/x${MD} and chrome-extension://id/src/sidepanel/index.html`)).toEqual([]);
    expect(texts('POST /api/v2/users/me, /etc/chromium/policies/managed/x.json, …/documents/search')).toEqual([]);
    expect(texts("files: ['src/**/*.test.{ts,tsx}'], every *.test.ts, .spec.ts files")).toEqual([]);
    expect(texts('@crxjs/vite-plugin, zod/mini, text/html, e.g. 1.05 × v2.users.{id}.conversations')).toEqual([]);
    expect(texts('the SDK typings index.d.ts; Node.js; policies.json; manifest.json')).toEqual([]);
  });
});

describe('resolves', () => {
  const index = fakeIndex(['README.md', 'docs/settings.md', 'src/shared/messages.ts', 'src/content/read-desktop.ts', 'e2e/simulator/public/directory/index.html', 'e2e/simulator/server.ts'], 'e2e/bench/results/\nnode_modules/\n*.log\n');
  const check = (text: string, from: string) => findReferences(text).every((reference) => resolves(reference, from, index));

  it('looks a top-level path up from the referring folder, then each folder above it', () => {
    expect(check('src/shared/messages.ts', 'src/content/read-desktop.ts')).toBe(true);
    expect(check('public/directory/', 'e2e/simulator/README.md')).toBe(true);
    expect(check('public/directory/', 'README.md')).toBe(false);
    expect(check('src/shared/nothing.ts', 'README.md')).toBe(false);
  });

  it('accepts a module named without its extension, as an import names it', () => {
    expect(check('e2e/simulator/server', 'README.md')).toBe(true);
    expect(check('e2e/specs/insert-into-reply', 'src/content/x.ts')).toBe(false);
  });

  it('reads ./ and ../ from the referring folder only, and never outside the repository', () => {
    expect(check('./server', 'e2e/simulator/main.ts')).toBe(true);
    expect(check('../settings.md', `docs/x/y${MD}`)).toBe(true);
    expect(check('./settings.md', 'README.md')).toBe(false);
    expect(check('../../README.md', `docs/index${MD}`)).toBe(false);
  });

  it('accepts a bare name when a file of that name is anywhere in the repository', () => {
    expect(check('messages.ts and settings.md', 'src/content/x.ts')).toBe(true);
    expect(check(`DESIGN${MD}`, 'src/content/x.ts')).toBe(false);
    expect(check('shared/messages.ts', 'src/content/x.ts')).toBe(true);
    expect(check('background/messages.ts', 'src/content/x.ts')).toBe(false);
  });

  it('accepts what the build makes (.gitignore), which a fresh clone does not have yet', () => {
    expect(check('e2e/bench/results/latest.json', 'README.md')).toBe(true);
    expect(check('e2e/bench/other/latest.json', 'README.md')).toBe(false);
  });

  it('lists the dead ones', () => {
    expect(deadReferences(`see docs/settings.md and STYLE${MD} habit 8`, 'src/x.ts', index).map((reference) => reference.text)).toEqual([`STYLE${MD}`]);
  });
});

describe('gitignoreMatcher', () => {
  const ignored = gitignoreMatcher('# build\nnode_modules/\ndist/\ne2e/bench/results/\n*.log\ndist-firefox\n!keep.log\n');

  it('matches names at any depth, anchored paths from the root, and * within a name', () => {
    expect(['node_modules', 'node_modules/x/y.js', 'src/node_modules', 'dist/', 'dist/manifest.json', 'dist-firefox', 'a/b.log', 'e2e/bench/results/latest.json'].every(ignored)).toBe(true);
    expect(['distribution', 'src/dist.ts', 'e2e/bench/run.ts', 'bench/results/x', 'log', `keep${MD}`].some(ignored)).toBe(false);
  });
});

describe('createRepoIndex', () => {
  let root: string | null = null;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = null;
  });

  it('knows every file and folder except generated ones and .git, plus pending files', () => {
    root = mkdtempSync(join(tmpdir(), 'repo-references-'));
    for (const file of ['.gitignore', 'README.md', 'src/a/b.ts', 'dist/out.js', '.git/HEAD']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), file === '.gitignore' ? 'dist/\n' : '');
    }
    const index = createRepoIndex({ root, pending: [`docs/later${MD}`] });
    expect(index.files.sort()).toEqual(['.gitignore', 'README.md', 'src/a/b.ts']);
    expect(['src', 'src/a', 'src/a/b.ts', 'docs', `docs/later${MD}`].every(index.exists)).toBe(true);
    expect(['dist', 'dist/out.js', '.git/HEAD', 'src/a/c.ts'].some(index.exists)).toBe(false);
    expect(index.hasFileNamed('b.ts') && index.hasFileNamed(`later${MD}`) && !index.hasFileNamed('out.js')).toBe(true);
    expect(index.isGenerated('dist/out.js')).toBe(true);
  });
});

describe('isUnder', () => {
  it('takes folders ending in a slash as prefixes', () => {
    expect(isUnder('src/background/index.ts', ['src/background/'])).toBe(true);
    expect(isUnder('src/background-extra.ts', ['src/background/'])).toBe(false);
  });
});

describe('proseOf', () => {
  it('keeps all of Markdown, only the comments of CSS and HTML (at their offsets), nothing of other files', () => {
    expect(proseOf(`docs/a${MD}`, `# see x${MD}`)).toBe(`# see x${MD}`);
    const css = `.a { color: red; }\n/* see DESIGN${MD} */ .b {}`;
    const prose = proseOf('src/a.css', css)!;
    expect(prose).toHaveLength(css.length);
    expect(prose.indexOf(`DESIGN${MD}`)).toBe(css.indexOf(`DESIGN${MD}`));
    expect(prose).not.toContain('color');
    expect(proseOf('x.html', `<p>src/nope.ts</p><!-- src/nope${MD} -->`)).toBe(`                  <!-- src/nope${MD} -->`);
    expect(proseOf('x.json', '{}')).toBeNull();
  });
});

describe('the no-dead-references ESLint rule', () => {
  const linter = new Linter({ configType: 'flat', cwd: REPO_ROOT });
  const config = [{ files: ['**/*.ts'], plugins: { local: { rules: { 'no-dead-references': noDeadReferences } } }, rules: { 'local/no-dead-references': 'error' as const } }];
  const lint = (code: string) => linter.verify(code, config, { filename: join(REPO_ROOT, 'src/content/example.ts') });

  it('reports a comment naming a file that is not in the repository, where the name is', () => {
    const messages = lint(`const a = 1;\n/**\n * As TARGETS${MD} says (P8).\n */\n// and src/shared/nothing-here.ts\n`);
    expect(messages.map((message) => [message.line, message.column, message.endColumn, message.message.split(' is ')[0]])).toEqual([
      [3, 7, 17, `"TARGETS${MD}"`],
      [5, 8, 34, '"src/shared/nothing-here.ts"'],
    ]);
  });

  it('accepts comments naming files that are, and says nothing about code', () => {
    expect(lint(`// src/shared/messages.ts, README.md, docs/\nconst path = 'DESIGN${MD}';\n`)).toEqual([]);
  });
});
