// Noto Sans KR, by weight: each weight's stylesheet is ≈ 28 KB gzipped of @font-face rules (one
// per unicode-range subset; the glyphs themselves come only as a page shows them). Blocking the
// first paint on four of them would hold up an English page for the three letters of "한국어"
// on the language switch: a Korean page asks for them at once, an English one after its first
// frame (src/main.tsx). The weights are every one the styles give text beside Inter (500
// labels, 600 names and headings, 700 titles): with only 400 and 700, a 600 "모멘텀" was drawn
// at 700, heavier than "SGD" beside it.
let loading: Promise<void> | null = null;

export function loadKoreanFont(): Promise<void> {
  loading ??= Promise.all([
    import('@fontsource/noto-sans-kr/400.css'),
    import('@fontsource/noto-sans-kr/500.css'),
    import('@fontsource/noto-sans-kr/600.css'),
    import('@fontsource/noto-sans-kr/700.css'),
  ]).then(
    () => {
      // For tests and screenshots: the rules are in; the glyphs follow through document.fonts.
      document.documentElement.dataset.koreanFont = 'loaded';
    },
    () => {
      // Offline before the first visit finished: the system's Korean font stands in; try again later.
      loading = null;
    },
  );
  return loading;
}
