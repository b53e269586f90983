import fs from 'node:fs';
import path from 'node:path';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * The web app's API types (apps/web/src/api/schema.d.ts) are generated from the API's OpenAPI document. This
 * test fails when the checked-in file drifts from the API; `npm run api:client` (UPDATE_API_CLIENT=1) rewrites it.
 */
const SCHEMA_FILE = path.resolve('apps/web/src/api/schema.d.ts');
const HEADER = '// Generated from the API\'s OpenAPI document by `npm run api:client` (openapi-typescript). Do not edit.\n\n';

describe('the generated API client', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('apiclient', { workerOnStart: false });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('matches the API’s OpenAPI document', async () => {
    const doc = (await stack.http().get('/api/docs-json').expect(200)).body as Record<string, unknown>;
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    const generated = HEADER + astToString(await openapiTS(doc as never, { alphabetize: true }));
    if (process.env.UPDATE_API_CLIENT === '1') {
      fs.writeFileSync(SCHEMA_FILE, generated);
      return;
    }
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current !== generated) {
      throw new Error(`${path.relative(process.cwd(), SCHEMA_FILE)} is out of date with the API: run \`npm run api:client\` and commit the result`);
    }
  });
});
