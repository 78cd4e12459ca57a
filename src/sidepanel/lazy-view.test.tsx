// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as renderUnwrapped } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyView } from './lazy-view';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p data-testid="greeting">Hello {name}</p>;
}

/** A load the test settles by hand, counting how often the view asked for it. */
function controlledLoad() {
  const calls: { resolve(component: typeof Greeting): void; reject(error: unknown): void }[] = [];
  const load = () =>
    new Promise<typeof Greeting>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

describe('lazyView', () => {
  it('shows a quiet placeholder until the code arrives, then the view with its props', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    render(<View name="Ada" />);
    const placeholder = screen.getByTestId('lazy-view-loading');
    expect(placeholder.getAttribute('role')).toBe('status');
    expect(placeholder.getAttribute('aria-busy')).toBe('true');
    expect(placeholder.textContent).toBe('Loading…');
    expect(screen.queryByTestId('greeting')).toBeNull();

    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!.resolve(Greeting);
    expect((await screen.findByTestId('greeting')).textContent).toBe('Hello Ada');
    expect(screen.queryByTestId('lazy-view-loading')).toBeNull();
  });

  it('loads once: later views render at once, with no placeholder', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    const first = render(<View name="Ada" />);
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!.resolve(Greeting);
    await screen.findByTestId('greeting');
    first.unmount();

    render(<View name="Grace" />);
    expect(screen.getByTestId('greeting').textContent).toBe('Hello Grace');
    expect(calls).toHaveLength(1);
  });

  it('shares one load between views that mount while it is on its way, and with preload()', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    void View.preload();
    render(
      <>
        <View name="Ada" />
        <View name="Grace" />
      </>,
    );
    expect(screen.getAllByTestId('lazy-view-loading')).toHaveLength(2);
    calls[0]!.resolve(Greeting);
    await waitFor(() => expect(screen.getAllByTestId('greeting').map((element) => element.textContent)).toEqual(['Hello Ada', 'Hello Grace']));
    expect(calls).toHaveLength(1);
  });

  it('says why it failed and loads again on Retry', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    render(<View name="Ada" />);
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await screen.findByTestId('lazy-view-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('This part of the panel could not load: Failed to fetch dynamically imported module');
    expect(screen.queryByTestId('greeting')).toBeNull();

    fireEvent.click(screen.getByTestId('lazy-view-retry'));
    expect(screen.getByTestId('lazy-view-loading')).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.resolve(Greeting);
    expect((await screen.findByTestId('greeting')).textContent).toBe('Hello Ada');
    expect(screen.queryByTestId('lazy-view-error')).toBeNull();
  });

  it('shows what was thrown even when it is not an Error', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    render(<View name="Ada" />);
    await waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!.reject('extension context invalidated');
    expect((await screen.findByTestId('lazy-view-error')).textContent).toContain('could not load: extension context invalidated');
  });

  it('a failed preload() is not shown, and the view asks again when it mounts', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    const preloaded = View.preload();
    calls[0]!.reject(new Error('offline'));
    await preloaded;
    render(<View name="Ada" />);
    await waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.resolve(Greeting);
    expect((await screen.findByTestId('greeting')).textContent).toBe('Hello Ada');
  });

  it('shows the view when its code arrived between the first render and the effect', async () => {
    const { load, calls } = controlledLoad();
    const View = lazyView(load);
    const preloaded = View.preload();
    // Rendered outside act(): Preact runs the effect after the next frame, so the load settles first.
    const container = document.body.appendChild(document.createElement('div'));
    renderUnwrapped(<View name="Ada" />, container);
    expect(container.textContent).toBe('Loading…');
    calls[0]!.resolve(Greeting);
    await preloaded;
    await waitFor(() => expect(container.textContent).toBe('Hello Ada'));
    renderUnwrapped(null, container);
    container.remove();
  });
});
