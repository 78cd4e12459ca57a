/**
 * Every MutationObserver the content script creates goes through here, tied to an AbortSignal:
 * aborting the signal (the conversation area went away, the settings changed, the frame is torn
 * down) disconnects it. The live count is what the simulator build's debug hook shows, so a test
 * can prove that frames and conversations that come and go leave no observers behind.
 */
let live = 0;

export function observeMutations(target: Node, init: MutationObserverInit, callback: MutationCallback, signal: AbortSignal): void {
  if (signal.aborted) return;
  const observer = new MutationObserver(callback);
  observer.observe(target, init);
  live++;
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      live--;
    },
    { once: true },
  );
}

export function liveObservers(): number {
  return live;
}
