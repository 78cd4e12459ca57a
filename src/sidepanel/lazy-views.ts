import { lazyView } from './lazy-view';

/**
 * The panel's rarely used views, each fetched the first time it shows (lazy-view.tsx). Importing
 * one of these modules statically anywhere in the panel would pull it back into the start.
 */
export const NotHelpfulFormView = lazyView(() => import('./NotHelpfulForm').then((module) => module.NotHelpfulForm));
export const KnowledgeSearchView = lazyView(() => import('./KnowledgeSearch').then((module) => module.KnowledgeSearch));
export const OtherSuggestionsView = lazyView(() => import('./OtherSuggestions').then((module) => module.OtherSuggestions));
export const KeyboardHelpListView = lazyView(() => import('./KeyboardHelpList').then((module) => module.KeyboardHelpList));
