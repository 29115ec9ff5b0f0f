// Full screen for the lecture hall. Guarded throughout: iPhone Safari has no Fullscreen API for
// documents, embedded iframes may lack the permission, and a refusal must not surface as an error.

export function fullscreenAvailable(): boolean {
  return typeof document !== 'undefined' && document.fullscreenEnabled === true;
}

export function isFullscreen(): boolean {
  return typeof document !== 'undefined' && document.fullscreenElement != null;
}

export function toggleFullscreen(): void {
  if (!fullscreenAvailable()) return;
  try {
    const request = isFullscreen()
      ? document.exitFullscreen?.()
      : document.documentElement.requestFullscreen?.();
    // The promise rejects when the browser refuses (no user gesture, denied permission).
    request?.catch(() => {});
  } catch {
    // Old engines throw synchronously instead.
  }
}
