import { hashPassword } from '@app/application';
import { type AppConfig, ConfigValidationError, loadConfig } from '@app/config';
import {
  type DemoSeedResult,
  dataSourceOptions,
  DEMO_PASSWORD,
  ensureDatabase,
  importAdministrativeUnits,
  isDatabaseEmpty,
  runMigrations,
  seedDemo,
} from '@app/persistence';
import { DataSource } from 'typeorm';

/**
 * Operator commands, run before (or instead of) starting the API and worker:
 *   migrate    create the database if missing, apply migrations, import the administrative units
 *   seed-demo  add the demo organisation and accounts (never in production)
 *   prepare    migrate, then seed-demo when nobody can log in yet (development/test only)
 */
const USAGE = `Usage: grassroots-cli <command>

Commands:
  migrate     create the database if missing, run pending migrations, import provinces and communes
  seed-demo   create the demo units and accounts (refused when NODE_ENV=production)
  prepare     migrate, then seed-demo if the database has no users (skipped in production)

Configuration comes from the environment (DATABASE_URL, NODE_ENV, ...).`;

class UsageError extends Error {}

function log(message: string): void {
  console.log(`[cli] ${message}`);
}

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

/** Host and database only: the URL may carry a password. */
function describeDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

async function withDataSource<T>(config: AppConfig, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'grassroots-cli' }));
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

async function migrate(config: AppConfig): Promise<void> {
  let t = performance.now();
  if (await ensureDatabase(config.databaseUrl)) log(`created database ${describeDatabase(config.databaseUrl)}`);
  const applied = await runMigrations(config.databaseUrl);
  log(applied.length ? `migrations applied: ${applied.join(', ')} (${ms(t)})` : `migrations: up to date (${ms(t)})`);

  // Reference data is part of every deployment, not of the demo: petitions are addressed to these units.
  t = performance.now();
  const units = await withDataSource(config, (ds) => importAdministrativeUnits(ds));
  log(
    `administrative units: ${units.provinces} provinces, ${units.communes} communes ` +
      `(${units.inserted} inserted, ${units.updated} updated) in ${ms(t)}`,
  );
}

function refuseInProduction(config: AppConfig, what: string): void {
  if (config.nodeEnv === 'production') throw new UsageError(`${what} is refused when NODE_ENV=production`);
}

function printLogins(result: DemoSeedResult): void {
  log(`demo organisation: ${result.commune.name}, ${result.province.name}`);
  log(`demo logins (password for all: ${DEMO_PASSWORD}):`);
  const width = Math.max(...result.users.map((u) => u.username.length));
  for (const u of result.users) {
    console.log(`    ${u.username.padEnd(width)}  ${u.role.padEnd(7)}  ${u.fullName} — ${u.unitName}`);
  }
}

async function seed(config: AppConfig): Promise<void> {
  refuseInProduction(config, 'seed-demo');
  const t = performance.now();
  const result = await withDataSource(config, async (ds) => seedDemo(ds, { passwordHash: await hashPassword(DEMO_PASSWORD) }));
  log(result.created ? `demo data seeded in ${ms(t)}` : 'demo accounts already exist; nothing changed');
  printLogins(result);
}

async function prepare(config: AppConfig): Promise<void> {
  await migrate(config);
  if (config.nodeEnv === 'production') {
    log('production: demo data is never seeded');
    return;
  }
  const t = performance.now();
  const seeded = await withDataSource(config, async (ds) => ((await isDatabaseEmpty(ds)) ? seedDemo(ds, { passwordHash: await hashPassword(DEMO_PASSWORD) }) : null));
  if (!seeded) {
    log('database already has users; demo seed skipped');
    return;
  }
  // A concurrent prepare may have seeded between the emptiness check and ours; the logins are the same.
  log(seeded.created ? `demo data seeded in ${ms(t)}` : 'demo accounts already exist; nothing changed');
  printLogins(seeded);
}

const COMMANDS: Record<string, (config: AppConfig) => Promise<void>> = {
  migrate,
  'seed-demo': seed,
  prepare,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    if (command === undefined) process.exitCode = 2;
    return;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command '${command}'\n\n${USAGE}`);
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
  // Migrations and seeds sign nothing, so they run without JWT_SECRET (one that is set is still checked).
  const config = loadConfig(process.env, { requireSigningSecret: false });
  log(`${command} on ${describeDatabase(config.databaseUrl)} (NODE_ENV=${config.nodeEnv})`);
  await run(config);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[cli] error: ${message}`);
  // Stack traces help only for unexpected failures, not for refusals or bad configuration.
  if (err instanceof Error && !(err instanceof UsageError) && !(err instanceof ConfigValidationError) && err.stack) {
    console.error(err.stack.split('\n').slice(1).join('\n'));
  }
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
