/**
 * Layer rules, checked in `npm test`. The rings: domain (pure) ← application (use cases) ← api / worker;
 * persistence and queue are infrastructure the application and apps use. Apps never import each other.
 */
// Resolved paths, so match inside node_modules.
const FRAMEWORK = 'node_modules/(@nestjs/|typeorm/|bullmq/|ioredis/|pg/|express/|nestjs-pino/|class-validator/|class-transformer/)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds the state machine and rules: no framework, ORM, queue or driver imports.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: FRAMEWORK },
    },
    {
      name: 'domain-depends-on-nothing-local',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^(libs/(?!domain/)|apps/)' },
    },
    {
      name: 'api-never-imports-worker',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/(worker|cli)/' },
    },
    {
      name: 'worker-never-imports-api',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/(api|cli)/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-queue-calls-from-http-or-use-cases',
      comment: 'Requests and use cases write outbox rows; only the worker talks to BullMQ.',
      severity: 'error',
      from: { path: '^(apps/api|libs/application)/' },
      to: { path: 'node_modules/(bullmq|@nestjs/bullmq)/' },
    },
    {
      name: 'persistence-below-application',
      severity: 'error',
      from: { path: '^libs/persistence/src/(?!reference/demo-seed)' },
      to: { path: '^libs/application/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
