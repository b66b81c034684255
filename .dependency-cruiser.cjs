/**
 * The architecture's import rules, checked by `npm run lint:deps` (part of `npm test`).
 * docs/architecture.md draws the layers; this file is what holds them.
 *
 * Type-only imports count: a layer that names another layer's types depends on its shape.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules form layers; a cycle makes two modules one and hides which one is upstream.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'renderers-read-the-model-only',
      severity: 'error',
      comment:
        'Renderers and exporters are functions of the normalized model: they never load, validate, normalize, check, build or read configuration.',
      from: { path: '^src/(render|export|typeset)/' },
      to: { path: '^src/(load|validate|normalize|rules|config|batch|commands|core|translate|cli[.]ts|definition[.]ts|pipeline[.]ts)' },
    },
    {
      name: 'renderers-and-exporters-are-independent',
      severity: 'error',
      comment: 'Each output format stands alone; the formats table (src/core/formats.ts) is what knows them all.',
      from: { path: '^src/(render|export)/' },
      to: { path: '^src/(render|export)/', pathNot: '^src/$1/' },
    },
    {
      name: 'typesetter-is-format-neutral',
      severity: 'error',
      comment: 'The typesetter produces pages as data; only an exporter turns them into a file format.',
      from: { path: '^src/(typeset|page)/' },
      to: { path: '^src/(render|export)/' },
    },
    {
      name: 'rules-read-the-model',
      severity: 'error',
      comment:
        'Rules read the normalized model, the locale and diagnostics, and their own helpers; never the raw definition or the YAML.',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: '^src/(rules/|model[.]ts|locale/|diagnostics/|util/)' },
    },
    {
      name: 'only-the-pdf-exporter-imports-pdfkit',
      severity: 'error',
      comment: 'pdfkit and fontkit are pinned exactly and patched for speed: one place knows them.',
      from: { path: '^src/', pathNot: '^src/export/pdf/' },
      to: { path: 'node_modules/(pdfkit|fontkit)/' },
    },
    {
      name: 'batch-is-not-a-command',
      severity: 'error',
      comment: 'Batch builds are a layer over the core, as the CLI commands are; neither calls the other.',
      from: { path: '^src/batch/' },
      to: { path: '^src/(commands/|cli[.]ts)' },
    },
    {
      name: 'the-language-server-is-a-front-end',
      severity: 'error',
      comment: 'The language server is a layer over the core, as the CLI and batch builds are: it reads definitions only through the core and calls neither of the others.',
      from: { path: '^src/lsp/' },
      to: { path: '^src/', pathNot: '^src/(lsp/|core/|diagnostics/types[.]ts)' },
    },
    {
      name: 'core-is-below-its-front-ends',
      severity: 'error',
      comment: 'The core library serves the CLI, batch builds, --watch and editors; it imports none of them.',
      from: { path: '^src/core/' },
      to: { path: '^src/(commands/|batch/|lsp/|cli[.]ts)' },
    },
    {
      name: 'translations-make-definitions-not-documents',
      severity: 'error',
      comment: 'A language version is made from data and normalized like the original; rules, renderers and front ends are not its business.',
      from: { path: '^src/translate/' },
      to: { path: '^src/(rules|render|export|typeset|core|commands|batch|cli[.]ts)' },
    },
    {
      name: 'pipeline-stages-point-downstream',
      severity: 'error',
      comment: 'load → validate → normalize: an earlier stage never imports a later one.',
      from: { path: '^src/(load|validate)/' },
      to: { path: '^src/(normalize|rules|render|export|typeset|core|commands|batch|cli[.]ts)' },
    },
    {
      name: 'the-model-is-a-leaf',
      severity: 'error',
      comment: "The model is the contract between stages; it depends on nothing but its own types and the locale's vocabulary of types (a calendar date, a meeting kind).",
      from: { path: '^src/model[.]ts$' },
      to: { path: '^src/', pathNot: '^src/(model|locale/types)[.]ts$' },
    },
    {
      name: 'house-styles-are-data',
      severity: 'error',
      comment: 'src/style/ is tables of house styles and document kinds: it imports nothing of the project.',
      from: { path: '^src/style/' },
      to: { path: '^src/', pathNot: '^src/style/' },
    },
    {
      name: 'renderers-read-styles-through-the-model',
      severity: 'error',
      comment: 'Normalize turns a house style into the model (punctuation, paragraph numbers, page furniture); renderers never branch on a style.',
      from: { path: '^src/(render|export|typeset|page|rules)/' },
      to: { path: '^src/style/' },
    },
    {
      name: 'preview-is-a-front-end-over-the-core',
      severity: 'error',
      comment: 'The live preview serves what the core library builds, as batch builds and the CLI do; it reaches no stage directly.',
      from: { path: '^src/preview/' },
      to: { path: '^src/', pathNot: '^src/(preview|core)/' },
    },
    {
      name: 'only-its-command-starts-the-preview',
      severity: 'error',
      comment: 'The preview is a front end: the core, the stages and the other front ends never import it.',
      from: { path: '^src/', pathNot: '^src/(preview/|commands/preview[.]ts$)' },
      to: { path: '^src/preview/' },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli[.]ts$' },
      to: { path: '^src/cli[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^src/generated/' },
  },
};
