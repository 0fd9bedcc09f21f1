/**
 * The layers (README "How it is built"): dependencies point down only.
 *   src/{app,worker,connections,launch,main}.ts, src/playground/: wiring: may import every layer
 *   src/channels/                              messenger adapters: core, config and logging only
 *   handlers/, jobs/                           thin: call services, never models
 *   src/dashboard/                             the web dashboard: pages over the services, never models
 *   src/services/                              the only code touching MongoDB
 *   src/models/                                mongoose schemas
 *   src/core/                                  what every layer speaks: imports nothing of ours
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two modules cannot be read one after the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'handlers-jobs-not-models',
      severity: 'error',
      comment: 'Handlers and jobs reach the data through src/services.',
      from: { path: '^(handlers|jobs)/' },
      to: { path: '^src/models/' },
    },
    {
      name: 'services-not-upward',
      severity: 'error',
      comment: 'Services know nothing of who calls them: no handlers, jobs, adapters or wiring.',
      from: { path: '^src/services/' },
      to: {
        path: '^(handlers|jobs)/|^src/(channels|playground|dashboard)/|^src/(app|main|launch|worker|connections|deps)\\.ts$',
      },
    },
    {
      name: 'dashboard-through-services',
      severity: 'error',
      comment:
        'The dashboard is at the level of the handlers: it reads through src/services (never models) and knows no handler or job.',
      from: { path: '^src/dashboard/' },
      to: { path: '^src/models/|^(handlers|jobs)/' },
    },
    {
      name: 'channels-only-core',
      severity: 'error',
      comment: 'Adapters speak the core only; they get the event handler as a parameter.',
      from: { path: '^src/channels/' },
      to: { path: '^(src|handlers|jobs)/', pathNot: '^src/(channels|core)/|^src/(config|logger)\\.ts$' },
    },
    {
      name: 'core-imports-nothing-of-ours',
      severity: 'error',
      comment: 'The core is what every layer speaks; it depends on no other part of the project.',
      from: { path: '^src/core/' },
      to: { path: '^(src|handlers|jobs)/', pathNot: '^src/core/' },
    },
    {
      name: 'models-only-core',
      severity: 'error',
      comment: 'Schemas only: they know their enums (core) and nothing else.',
      from: { path: '^src/models/' },
      to: { path: '^(src|handlers|jobs)/', pathNot: '^src/(models|core)/' },
    },
    {
      name: 'only-wiring-knows-everything',
      severity: 'error',
      comment: 'Nothing below the wiring imports it.',
      from: { pathNot: '^src/(app|main|launch|worker|connections)\\.ts$|^src/playground/|^test/|^bench/' },
      to: { path: '^src/(app|main|launch|worker|connections)\\.ts$|^src/playground/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
