// The layers of docs/ARCHITECTURE.md, checked in `npm test` (npm run lint:layers). Change the
// table there and the rules here together. A rule is written as "a layer may import only …":
// `from` a layer, `to` anything in src/ outside what it may import is an error.
// Imports are checked whether or not they are type-only (dependency-cruiser parses with swc, which
// does not tell them apart), so the table holds for types too.

/** Paths of the src/ layers, as regular expressions. */
const layer = {
  engine: '^src/engine/',
  workers: '^src/workers/',
  state: '^src/state/',
  i18n: '^src/i18n/',
  scene: '^src/scene/',
  ui: '^src/ui/',
  embed: '^src/embed/',
  cli: '^src/cli/',
};

/** `from` may import, at run time, only the layers named (and itself). */
function onlyImports(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^src/', pathNot: [from, ...allowed] },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'engine-imports-nothing-of-the-app',
      comment: 'The engine runs in Node, the browser and Web Workers: nothing of the app, not even its types.',
      severity: 'error',
      from: { path: layer.engine },
      to: { path: '^src/', pathNot: layer.engine },
    },
    {
      name: 'engine-has-no-view-libraries',
      comment: 'No React, three.js, zustand or the DOM helpers in the engine.',
      severity: 'error',
      from: { path: layer.engine },
      to: { path: '^node_modules/(react|react-dom|three|three-stdlib|@react-three|zustand|katex)/' },
    },
    onlyImports('state-imports-only-the-engine', layer.state, [layer.engine, '^src/i18n/lang\\.ts$'], 'The store, URL codec and lessons: the engine, and the list of languages the store holds.'),
    {
      name: 'i18n-imports-nothing',
      comment: 'Messages and number formats are data and pure functions: nothing of the app, not even its types.',
      severity: 'error',
      from: { path: layer.i18n },
      to: { path: '^src/', pathNot: layer.i18n },
    },
    onlyImports('scene-imports-engine-state-i18n', layer.scene, [layer.engine, layer.state, layer.i18n], 'The R3F scene; it never imports the UI.'),
    onlyImports('ui-imports-engine-state-i18n-embed', layer.ui, [layer.engine, layer.state, layer.i18n, layer.embed], 'The panel and everything textual; it never imports the scene.'),
    onlyImports('embed-imports-engine-state', layer.embed, [layer.engine, layer.state], 'Embed mode and its postMessage protocol.'),
    onlyImports('cli-imports-only-the-engine', layer.cli, [layer.engine], 'The Node command line.'),
    onlyImports('workers-import-only-the-engine', layer.workers, [layer.engine], 'Worker entry points run the engine.'),
    {
      name: 'no-circular',
      comment: 'A cycle makes the load order, and the reading order, ambiguous.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-tests-in-the-app',
      comment: 'Test code never ships.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
