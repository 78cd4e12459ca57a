/**
 * Profile selectors through open shadow roots: `a >>> b` finds `a`, steps into its open shadow root
 * and finds `b` there (the desktop's conversation area keeps its iframes in one). The shadow roots
 * it steps into are collected, because a MutationObserver on a document does not see inside them:
 * the watcher observes them too. Selectors come from admin overrides, so a typo returns null
 * instead of throwing inside the host page.
 */
export const SHADOW_STEP = '>>>';

export function deepQuery(root: ParentNode, selector: string, entered?: Set<ShadowRoot>): Element | null {
  const steps = selector.split(SHADOW_STEP);
  let scope: ParentNode = root;
  for (let index = 0; index < steps.length; index++) {
    const found = safeQuery(scope, steps[index]!.trim());
    if (!found || index === steps.length - 1) return found;
    // Closed shadow roots stay closed to us, as they should.
    const shadow = found.shadowRoot;
    if (!shadow) return null;
    entered?.add(shadow);
    scope = shadow;
  }
  return null;
}

/**
 * querySelector that also looks inside every open shadow root under `root`, breadth-first. It walks
 * the whole tree, so it is for one-off lookups (the composer, on insert), never for reads that
 * run on every change.
 */
export function queryAnyOpenShadowRoot(root: ParentNode, selector: string): HTMLElement | null {
  const roots: ParentNode[] = [root];
  for (let index = 0; index < roots.length; index += 1) {
    const current = roots[index]!;
    const match = safeQuery(current, selector);
    if (match) return match as HTMLElement;
    for (const element of current.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return null;
}

export function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** A static list, indexed in place: no array copy of a thousand-message transcript. */
export function safeQueryAll(root: ParentNode, selector: string): ArrayLike<Element> {
  try {
    return root.querySelectorAll(selector);
  } catch {
    return [];
  }
}

/** The element matches, or (unless `ancestors` is false) sits inside one that does (a message inside a `.remote` group). */
export function safeMatches(element: Element, selector: string, ancestors = true): boolean {
  try {
    return element.matches(selector) || (ancestors && element.closest(selector) !== null);
  } catch {
    return false;
  }
}

/** The element itself or its nearest ancestor matching `selector`; null for an invalid selector too. */
export function safeClosest(element: Element, selector: string): Element | null {
  try {
    return element.closest(selector);
  } catch {
    return null;
  }
}
