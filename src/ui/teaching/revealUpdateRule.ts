/** Opens the "Update rule" section and scrolls it into view (a run card's "explain" button). */
export function revealUpdateRule(): void {
  const section = document.querySelector<HTMLDetailsElement>('.rule-section');
  if (!section) return;
  section.open = true;
  requestAnimationFrame(() => section.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
}
