// @ts-check
import { createRepoIndex, deadReferences, repoPath } from './repo-references.js';

/**
 * ESLint rule: a comment may only name files that are in the repository (repo-references.js says
 * what counts as naming one). The index of the repository is built once per ESLint run.
 */

/** @type {ReturnType<typeof createRepoIndex> | null} */
let index = null;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Comments point only to files that exist in the repository' },
    schema: [],
    messages: {
      dead: '"{{reference}}" is not in the repository: point the comment at a file that is (design notes live in docs/).',
    },
  },
  create(context) {
    index ??= createRepoIndex();
    const repo = index;
    const file = repoPath(repo.root, context.filename);
    return {
      Program() {
        const { sourceCode } = context;
        for (const comment of sourceCode.getAllComments()) {
          if (!comment.range) continue;
          // `//`, `/*` and `#!` all come before the comment's value.
          const start = comment.range[0] + 2;
          for (const dead of deadReferences(comment.value, file, repo)) {
            context.report({
              messageId: 'dead',
              data: { reference: dead.text },
              loc: { start: sourceCode.getLocFromIndex(start + dead.offset), end: sourceCode.getLocFromIndex(start + dead.offset + dead.text.length) },
            });
          }
        }
      },
    };
  },
};

export default rule;
