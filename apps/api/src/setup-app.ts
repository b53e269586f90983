import type { AppConfig } from '@app/config';
import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { installBodyParsing } from './http/body-parsing.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { createValidationPipe } from './http/validation.js';
import { installWebApp } from './http/web-app.js';
import { createOpenApiDocument } from './openapi.js';

/** Everything an API instance needs besides its module; shared by main.ts and the e2e tests. */
export function setupApp(app: INestApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  // First, so that every response, refusals by the body parser included, carries the headers.
  installSecurityHeaders(app, config);
  installBodyParsing(app, config.bodyLimit);
  installWebApp(app, config);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  if (config.swaggerEnabled) {
    const doc = createOpenApiDocument(app);
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
