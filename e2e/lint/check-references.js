// @ts-check
/**
 * `npm run lint`'s check of what ESLint does not read: every Markdown file (README.md, docs/, the
 * simulator's README) and the comments of CSS and HTML files may only name files that are in the
 * repository (repo-references.js). Prints each dead reference as file:line:column and exits 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepoIndex, deadReferences } from './repo-references.js';

/**
 * The parts of a file that are prose: all of Markdown, the comments of CSS and HTML (blanked
 * elsewhere, so offsets stay those of the file).
 * @param {string} path
 * @param {string} text
 * @returns {string | null}
 */
export function proseOf(path, text) {
  if (path.endsWith('.md')) return text;
  const comments = path.endsWith('.css') ? /\/\*[\s\S]*?\*\//g : path.endsWith('.html') ? /<!--[\s\S]*?-->/g : null;
  if (!comments) return null;
  let prose = '';
  let at = 0;
  for (const match of text.matchAll(comments)) {
    prose += text.slice(at, match.index).replace(/[^\n]/g, ' ') + match[0];
    at = match.index + match[0].length;
  }
  return prose + text.slice(at).replace(/[^\n]/g, ' ');
}

/**
 * @param {string} text
 * @param {number} offset
 */
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
}

function main() {
  const index = createRepoIndex();
  let dead = 0;
  for (const path of index.files) {
    const text = readFileSync(join(index.root, path), 'utf8');
    const prose = proseOf(path, text);
    if (prose === null) continue;
    for (const reference of deadReferences(prose, path, index)) {
      dead += 1;
      console.error(`${path}:${lineAndColumn(text, reference.offset)}  "${reference.text}" is not in the repository`);
    }
  }
  if (dead > 0) {
    console.error(`\n${dead} dead reference(s): point them at files in the repository (design notes live in docs/).`);
    process.exitCode = 1;
  }
}

if (import.meta.filename === process.argv[1]) main();
