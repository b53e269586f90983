import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pinoHttp } from 'pino-http';
import { loadConfig } from './app-config.js';
import { pinoHttpOptions, redactUrlSecrets } from './logging.js';

const TOKEN = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE';

describe('request logging keeps one-time feedback tokens out of the log', () => {
  it('masks the token segment of a feedback URL and nothing else', () => {
    expect(redactUrlSecrets(`/api/feedback/${TOKEN}`)).toBe('/api/feedback/[redacted]');
    expect(redactUrlSecrets(`/api/feedback/${TOKEN}?x=1`)).toBe('/api/feedback/[redacted]?x=1');
    expect(redactUrlSecrets('/api/track/ABCD-EFGH')).toBe('/api/track/ABCD-EFGH');
  });

  it('writes a request log line for GET /api/feedback/<token> without the token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = pinoHttpOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', LOG_PRETTY: 'false' }));
    const logger = pinoHttp({ ...options, stream: sink } as never);
    const server = createServer((req, res) => {
      logger(req, res);
      res.statusCode = 404;
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: `/api/feedback/${TOKEN}` }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    server.close();
    const log = lines.join('');
    expect(log).toContain('/api/feedback/[redacted]');
    expect(log).not.toContain(TOKEN);
  });
});
