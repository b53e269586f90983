import type { AppConfig } from '@app/config';
import type { JwtModuleOptions } from '@nestjs/jwt';

/** The one algorithm access tokens are signed with; verification accepts no other (no `none`, no HS512 etc.). */
export const JWT_ALGORITHM = 'HS256' as const;

export function jwtModuleOptions(config: AppConfig): JwtModuleOptions {
  return {
    secret: config.jwt.secret,
    signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.jwt.ttlSeconds },
    verifyOptions: { algorithms: [JWT_ALGORITHM] },
  };
}
