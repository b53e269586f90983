import { AppError, AuthService, type CurrentUser } from '@app/application';
import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import type { Request } from 'express';

const PUBLIC = 'grassroots:public';
/** Marks a route as open without a token (login, public tracking, health). */
export const Public = () => SetMetadata(PUBLIC, true);

export interface AccessTokenClaims {
  readonly sub: string;
  readonly role: string;
  readonly unitId: string;
}

type AuthedRequest = Request & { user?: CurrentUser; tokenExpiresAt?: Date };

/** When the bearer token of an authenticated request expires (a live stream ends then). */
export function tokenExpiresAt(req: Request): Date | undefined {
  return (req as AuthedRequest).tokenExpiresAt;
}

/** Bearer-token guard for every route not marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('unauthenticated', 'error.unauthenticated');
    let claims: AccessTokenClaims & { exp?: unknown };
    try {
      // The algorithm list comes from jwtModuleOptions (HS256 only).
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp?: unknown }>(token);
    } catch {
      throw new AppError('unauthenticated', 'error.unauthenticated');
    }
    // jsonwebtoken checks `exp` only when present: a token without one would be valid forever.
    if (typeof claims.exp !== 'number') throw new AppError('unauthenticated', 'error.unauthenticated');
    // A well-signed token whose subject is not a user id (another token format, another app sharing the
    // secret) is simply not ours: 401, not a failed uuid query and a 500.
    if (typeof claims.sub !== 'string' || !isUUID(claims.sub)) throw new AppError('unauthenticated', 'error.unauthenticated');
    const user = await this.auth.currentUser(claims.sub);
    if (user === null) throw new AppError('unauthenticated', 'error.unauthenticated');
    req.user = user;
    req.tokenExpiresAt = new Date(claims.exp * 1000);
    return true;
  }
}

export const User = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
  return user;
});
