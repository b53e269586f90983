import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module.js';
import { setupApp } from './setup-app.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(ApiModule.forRoot(config), { bodyParser: false, bufferLogs: true });
  setupApp(app, config);
  await app.listen(config.port, '0.0.0.0');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
