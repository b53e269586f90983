import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pinoHttp } from 'pino-http';
import { loadConfig } from './app-config.js';
import { pinoHttpOptions, redactUrl, redactUrlSecrets } from './logging.js';

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

describe('request logging keeps personal query values out of the log (allow-list of keys)', () => {
  it('keeps ids, enumerations and paging, and masks free text and unknown keys', () => {
    expect(redactUrl('/api/petitions?q=Nguy%E1%BB%85n%20V%C4%83n%20An&status=received&page=2')).toBe('/api/petitions?q=[redacted]&status=received&page=2');
    expect(redactUrl('/api/clusters/x/members/y?reason=Nh%E1%BA%A7m')).toBe('/api/clusters/x/members/y?reason=[redacted]');
    expect(redactUrl(`/api/feedback/${TOKEN}?t=${TOKEN}`)).toBe('/api/feedback/[redacted]?t=[redacted]');
    expect(redactUrl('/api/board/stats?from=2026-11-01&to=2026-11-30')).toBe('/api/board/stats?from=2026-11-01&to=2026-11-30');
    expect(redactUrl('/api/notifications?unread')).toBe('/api/notifications?unread');
  });

  it('masks the query object, the token in params and in the Express 5 wildcard params.splat', () => {
    const options = pinoHttpOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', LOG_PRETTY: 'false' }));
    const req = options.serializers.req({
      url: `/api/feedback/${TOKEN}?q=Tr%E1%BA%A7n&page=1`,
      query: { q: 'Trần Thị Bình', page: '1' },
      params: { splat: ['api', 'feedback', TOKEN], token: TOKEN, id: 'f3b2a1c0-0000-4000-8000-000000000000' },
    });
    const headers = { referer: `https://grassroots.example.vn/feedback/${TOKEN}?q=x`, host: 'api' };
    expect(options.serializers.req({ url: '/api/feedback/x', headers }).headers).toEqual({ referer: 'https://grassroots.example.vn/feedback/[redacted]?q=[redacted]', host: 'api' });
    expect(headers.referer).toContain(TOKEN);
    expect(req).toEqual({
      url: '/api/feedback/[redacted]?q=[redacted]&page=1',
      query: { q: '[redacted]', page: '1' },
      params: { splat: ['api', 'feedback', '[redacted]'], token: '[redacted]', id: 'f3b2a1c0-0000-4000-8000-000000000000' },
    });
  });
});
