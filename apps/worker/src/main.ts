import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { installQueueBackend, RedisProbe } from '@app/queue';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

/** BullMQ drops jobs under any eviction policy but noeviction; say so loudly at start. */
async function warnOnEvictionPolicy(config: ReturnType<typeof loadConfig>, log: Logger): Promise<void> {
  if (config.queue.backend !== 'redis') return;
  const probe = new RedisProbe(config);
  try {
    const policy = await probe.maxmemoryPolicy();
    if (policy !== 'noeviction') {
      log.warn(`Redis maxmemory-policy is "${policy}"; set it to "noeviction" or queued wake-ups can be evicted`, 'Worker');
    }
  } catch (e) {
    log.warn(`Could not read Redis maxmemory-policy: ${e instanceof Error ? e.message : String(e)}`, 'Worker');
  } finally {
    await probe.close();
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  installQueueBackend(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const log = app.get(Logger);
  app.useLogger(log);
  app.enableShutdownHooks();
  await warnOnEvictionPolicy(config, log);
  log.log(`Worker started (queue backend: ${config.queue.backend})`, 'Worker');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
