import { AppError, AuthService, type CurrentUser } from '@app/application';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LoginLockout } from '../throttling/login-lockout.service.js';
import { RateLimit } from '../throttling/rate-limit.guard.js';
import { Public, User } from './auth.guard.js';

export class LoginDto {
  @ApiProperty({ example: 'desk' }) @IsString() @IsNotEmpty() @MaxLength(100) username: string;
  @ApiProperty({ example: 'grassroots-demo' }) @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['desk', 'head', 'handler', 'board', 'admin'] }) role: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
}

class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() expiresIn: number;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

const publicUser = (u: CurrentUser) => ({ id: u.id, username: u.username, fullName: u.fullName, role: u.role, unitId: u.unitId, unitName: u.unitName });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    private readonly lockout: LoginLockout,
  ) {}

  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or the account is locked after repeated failures (Retry-After says when to retry)' })
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    // Checked before the password: a locked account costs no hash verification and reveals nothing.
    await this.lockout.assertNotLocked(body.username);
    let user: CurrentUser;
    try {
      user = await this.auth.login(body.username, body.password);
    } catch (e) {
      if (e instanceof AppError && e.kind === 'unauthenticated') await this.lockout.recordFailure(body.username);
      throw e;
    }
    await this.lockout.recordSuccess(body.username);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, unitId: user.unitId });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, user: publicUser(user) };
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  me(@User() user: CurrentUser): UserDto {
    return publicUser(user);
  }
}
