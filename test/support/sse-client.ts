import http from 'node:http';

export interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/** A live server-sent-events response read as a browser's fetch stream would: events, comments, the end. */
export interface SseStream {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Everything received so far, in order. */
  readonly events: SseEvent[];
  /** Comment lines received (heartbeats). */
  comments(): number;
  /** The whole body, for responses that are not a stream (a 401). */
  body(): string;
  /** True once the server ended the response. */
  ended(): boolean;
  close(): void;
}

/** Opens `GET path` with a bearer token; resolves once the status and headers arrived. */
export function openSse(baseUrl: string, path: string, authorization: string | null): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (authorization !== null) headers.Authorization = authorization;
    const req = http.request(url, { method: 'GET', headers }, (res) => {
      const events: SseEvent[] = [];
      let raw = '';
      let buffer = '';
      let comments = 0;
      let ended = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments++;
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
        }
      });
      const finish = () => {
        ended = true;
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        comments: () => comments,
        body: () => raw,
        ended: () => ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => reject(e));
    req.end();
  });
}
