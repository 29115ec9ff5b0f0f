/** Opens the "Update rule" section and scrolls it into view (a run card's "explain" button). */
export function revealUpdateRule(): void {
  const section = document.querySelector<HTMLDetailsElement>('.rule-section');
  if (!section) return;
  section.open = true;
  // A reader who asked the system for less motion is taken there at once, not glided.
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  requestAnimationFrame(() => section.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' }));
}
