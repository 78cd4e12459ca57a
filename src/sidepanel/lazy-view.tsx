import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../pages/error-text';
import { t } from '../shared/i18n';

/** A view whose code arrives on first use: render it like the component, or `preload()` it on a hint of intent. */
export interface LazyView<P> {
  (props: P): JSX.Element | null;
  /** Starts the load; settles (never rejects) when it is done. A failure is left for the view to show. */
  preload(): Promise<void>;
}

/**
 * Rarely used views are fetched the first time they show, keeping them out of what the panel
 * downloads before its first render (docs/performance.md, P8). Hand-written rather than
 * preact/compat's lazy and Suspense: compat would add more to the start than the views it defers,
 * and Suspense has no failed state to retry from.
 *
 * Once loaded the component renders synchronously, so only the first open can differ: a quiet
 * placeholder while the chunk is on its way, and, if it cannot load (the extension was updated
 * underneath the open panel, say), the reason and a Retry.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Forget the failure so that Retry asks again rather than replaying it.
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function View(props: P) {
    const [, setArrived] = useState<ComponentType<P> | null>(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      // No early return when `loaded` is set: it may have arrived after this render (a preload
      // finishing before the effect ran), and only the state update below renders the view then.
      let current = true;
      start().then(
        (component) => current && setArrived(() => component),
        (error: unknown) => current && setFailure({ error }),
      );
      return () => {
        current = false;
      };
    }, [attempt]);

    if (loaded) {
      const Component = loaded;
      return <Component {...props} />;
    }
    if (failure) {
      return (
        <p class="notice notice--error lazy-view-error" role="alert" data-testid="lazy-view-error">
          <span>{t('viewLoadFailed', [errorText(failure.error)])}</span>{' '}
          <button
            type="button"
            class="button button--small"
            data-testid="lazy-view-retry"
            onClick={() => {
              setFailure(null);
              setAttempt(attempt + 1);
            }}
          >
            {t('retry')}
          </button>
        </p>
      );
    }
    return (
      <p class="lazy-view-loading" data-testid="lazy-view-loading" role="status" aria-busy="true">
        {t('viewLoading')}
      </p>
    );
  }
  View.preload = () => start().then(
    () => undefined,
    () => undefined,
  );
  return View;
}
