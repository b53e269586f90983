import { AppError } from '@app/application';
import type { Response } from 'express';

/** `If-Match: 3`, `"3"` or `W/"3"` → 3. Absent → undefined (no precondition). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new AppError('invalid', 'petition.if_match_invalid', {}, {}, [{ field: 'If-Match', messageKey: 'petition.if_match_invalid' }]);
  return Number(m[1]);
}

/** The If-Match header of a versioned resource's writes, for the OpenAPI document. */
export const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The version you last saw; a stale one gets 412' };

/** The same on a petition's sub-resources (clocks, flags, representatives): the version is the petition's. */
export const PETITION_IF_MATCH_HEADER = { ...IF_MATCH_HEADER, description: 'The petition version you last saw; a stale one gets 412' };

/** Sends the version as the ETag (the value the next If-Match carries) and returns the view. */
export function withETag<V extends { readonly version: number }>(res: Response, view: V): V {
  res.setHeader('ETag', `"${view.version}"`);
  return view;
}

/** 201 with Location and ETag; a replay of an earlier request with the same key says so. */
export function created<V extends { version: number }>(res: Response, location: string, view: V, replayed: boolean): V {
  res.status(201).setHeader('Location', location);
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
  return withETag(res, view);
}
