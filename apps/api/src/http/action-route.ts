import { AppError } from '@app/application';
import { LABELS } from '@app/domain';
import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiParam, getSchemaPath } from '@nestjs/swagger';
import { IF_MATCH_HEADER, parseIfMatch } from './if-match.js';
import { validateBody } from './validation.js';

/**
 * What a `POST /:id/actions/:action` route hands its use case: the action named in the URL (an unknown one is
 * a 404 listing the allowed ones), the If-Match version, and the body validated against that action's class
 * (bodies differ per action). Checked in that order: a bad action or If-Match is reported before the body.
 */
export async function actionCommand<A extends string>(
  actions: readonly A[],
  bodies: Record<A, new () => object>,
  action: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<{ input: object & { action: A }; expectedVersion: number | undefined }> {
  if (!(actions as readonly string[]).includes(action)) {
    throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.action }, { allowedActions: actions });
  }
  const expectedVersion = parseIfMatch(ifMatch);
  const dto = await validateBody<object>(bodies[action as A], body ?? {});
  return { input: { ...dto, action: action as A }, expectedVersion };
}

/** The route of `actionCommand`: `POST :id/actions/:action`, 200, If-Match, a body that is one of the action bodies. */
export function ActionRoute(actions: readonly string[], bodies: Record<string, new () => object>): MethodDecorator {
  return applyDecorators(
    Post(':id/actions/:action'),
    HttpCode(200),
    ApiParam({ name: 'action', enum: actions }),
    ApiHeader(IF_MATCH_HEADER),
    ApiBody({ schema: { oneOf: Object.values(bodies).map((c) => ({ $ref: getSchemaPath(c) })) } }),
  );
}
