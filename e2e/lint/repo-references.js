// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';

/**
 * Finds the files a comment or a doc points to, and says which of them are not in the repository.
 * A clone must be readable on its own: a comment that sends the reader to a file nobody has is
 * worse than no comment. Used by the ESLint rule (no-dead-references.js, for code comments) and by
 * check-references.js (Markdown, CSS and HTML). Pure apart from the file system index at the end.
 *
 * What counts as a reference (see docs/contributing.md):
 * - a path from a top-level folder of the repository (`src/…`, `e2e/…`, `docs/…`, `public/…`,
 *   `.ci/…`), any extension or none (a folder, or a module named as in an import), looked up from
 *   the referring file's folder and each folder above it up to the root;
 * - a path that starts with `./` or `../`, from the referring file's folder;
 * - any other name or path ending in `.md`, `.ts` or `.tsx` (not `.d.ts`: package typings): a bare
 *   name exists when a file of that name is anywhere in the repository, a path when it resolves
 *   from the referring folder or one above it.
 * URLs and absolute paths (`/api/v2/…`, `/etc/…`) are not references. A path that `.gitignore`
 * covers (build output, benchmark results) names something the build makes: it is accepted.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Top-level folders whose paths are references whatever they end in. */
export const ROOT_FOLDERS = ['src', 'e2e', 'docs', 'public', '.ci'];
/** Extensions that make any name a reference (docs and source). */
const REFERENCE_EXTENSION = /\.(?:md|tsx?)$/;
/** An import-style path without extension names one of these. */
const MODULE_EXTENSIONS = ['', '.ts', '.tsx', '.js'];
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s)>\]'"`]*/gi;
const TOKEN = /[\w./-]+/g;
/** Next to one of these a token is part of a glob, a package scope, a template or an anchor, not a path. */
const NOT_BEFORE = new Set(['@', '*', '$', '{', '}', '~', '#', '\\']);
const NOT_AFTER = new Set(['*', '{', '}', '@']);

/**
 * @typedef {{ text: string; offset: number; kind: 'rooted' | 'relative' | 'named' }} Reference
 * `rooted`: starts with a top-level folder; `relative`: starts with ./ or ../; `named`: a name or
 * path ending in .md, .ts or .tsx.
 */

/**
 * Every reference in `text`, with its offset in `text`.
 * @param {string} text
 * @returns {Reference[]}
 */
export function findReferences(text) {
  // URLs are blanked out, not removed, so offsets still point into the original text.
  const scanned = text.replace(URL, (url) => ' '.repeat(url.length));
  /** @type {Reference[]} */
  const found = [];
  for (const match of scanned.matchAll(TOKEN)) {
    const offset = match.index;
    const raw = match[0];
    if (NOT_BEFORE.has(scanned[offset - 1] ?? '') || NOT_AFTER.has(scanned[offset + raw.length] ?? '')) continue;
    // A sentence may end right after a path.
    const token = raw.replace(/[.-]+$/, '');
    const kind = kindOf(token);
    if (kind) found.push({ text: token, offset, kind });
  }
  return found;
}

/**
 * @param {string} token
 * @returns {Reference['kind'] | null}
 */
function kindOf(token) {
  if (token === '' || token.startsWith('/')) return null;
  if (token.startsWith('./') || token.startsWith('../')) return 'relative';
  const first = token.split('/')[0] ?? '';
  if (token.includes('/') && ROOT_FOLDERS.includes(first)) return 'rooted';
  if (!REFERENCE_EXTENSION.test(token) || token.endsWith('.d.ts')) return null;
  // A name starts with a letter or digit: `.test.ts` alone is a suffix, not a file.
  return /^[\w]/.test(token.split('/').pop() ?? '') ? 'named' : null;
}

/**
 * @typedef {object} RepoIndex
 * @property {(path: string) => boolean} exists Whether a repository-relative path (posix) is a file or folder.
 * @property {(name: string) => boolean} hasFileNamed Whether a file of this name is anywhere in the repository.
 * @property {(path: string) => boolean} isGenerated Whether `.gitignore` covers the path (build output).
 */

/**
 * Whether the reference names something in the repository, from `fromFile` (repository-relative, posix).
 * @param {Reference} reference
 * @param {string} fromFile
 * @param {RepoIndex} index
 * @returns {boolean}
 */
export function resolves(reference, fromFile, index) {
  const { text, kind } = reference;
  if (kind === 'named' && !text.includes('/')) return index.hasFileNamed(text);
  const folders = kind === 'relative' ? [posix.dirname(fromFile)] : foldersUpFrom(fromFile);
  const extensions = kind === 'named' ? [''] : MODULE_EXTENSIONS;
  for (const folder of folders) {
    const path = posix.normalize(posix.join(folder, text)).replace(/\/$/, '');
    // Outside the repository is never "in the repository".
    if (path === '..' || path.startsWith('../')) continue;
    if (extensions.some((extension) => index.exists(`${path}${extension}`)) || index.isGenerated(path)) return true;
  }
  return false;
}

/**
 * The referring file's folder and every folder above it, the repository root last ('.').
 * @param {string} fromFile
 * @returns {string[]}
 */
function foldersUpFrom(fromFile) {
  const folders = [];
  let folder = posix.dirname(fromFile);
  for (;;) {
    folders.push(folder);
    if (folder === '.' || folder === '') break;
    folder = posix.dirname(folder);
  }
  return folders;
}

/**
 * The references in `text` that name nothing in the repository.
 * @param {string} text
 * @param {string} fromFile repository-relative, posix
 * @param {RepoIndex} index
 * @returns {Reference[]}
 */
export function deadReferences(text, fromFile, index) {
  return findReferences(text).filter((reference) => !resolves(reference, fromFile, index));
}

/**
 * A matcher for the simple `.gitignore` patterns this repository uses (names, `dir/`, anchored
 * paths, `*`); negations are not supported and are skipped.
 * @param {string} gitignore the file's text
 * @returns {(path: string) => boolean}
 */
export function gitignoreMatcher(gitignore) {
  const rules = gitignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const pattern = line.replace(/^\//, '').replace(/\/$/, '');
      const source = pattern
        .split('')
        .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return { anchored: pattern.includes('/') || line.startsWith('/'), regex: new RegExp(`^${source}$`) };
    });
  return (path) => {
    const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
    return rules.some(({ anchored, regex }) =>
      anchored ? segments.some((_, end) => regex.test(segments.slice(0, end + 1).join('/'))) : segments.some((segment) => regex.test(segment)),
    );
  };
}

/**
 * The repository as the checks see it: every file that is not generated (`.gitignore`) or in
 * `.git`, plus `pending` paths (files being written on another branch that docs may link to).
 * @param {{ root?: string; pending?: readonly string[] }} [options]
 * @returns {RepoIndex & { root: string; files: string[] }}
 */
export function createRepoIndex(options = {}) {
  const root = options.root ?? REPO_ROOT;
  const gitignorePath = join(root, '.gitignore');
  const isGenerated = gitignoreMatcher(existsSync(gitignorePath) ? readFileSync(gitignorePath, 'utf8') : '');
  /** @type {string[]} */
  const files = [];
  const folders = new Set(['.']);
  /** @param {string} folder repository-relative, posix */
  const walk = (folder) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
      if (entry.name === '.git' || isGenerated(path)) continue;
      if (entry.isDirectory()) {
        folders.add(path);
        walk(path);
      } else {
        files.push(path);
      }
    }
  };
  walk('.');
  const pending = options.pending ?? [];
  const all = new Set([...files, ...pending]);
  for (const path of pending) for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) folders.add(folder);
  const names = new Set([...all].map((path) => posix.basename(path)));
  return {
    root,
    files,
    exists: (path) => all.has(path) || folders.has(path),
    hasFileNamed: (name) => names.has(name),
    isGenerated,
  };
}

/**
 * A path as the index knows it: relative to the repository root, with forward slashes.
 * @param {string} root
 * @param {string} absolute
 * @returns {string}
 */
export function repoPath(root, absolute) {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * Whether a repository path lies in one of `folders` (each ending in `/`).
 * @param {string} path
 * @param {readonly string[]} folders
 * @returns {boolean}
 */
export function isUnder(path, folders) {
  return folders.some((folder) => path.startsWith(folder));
}

