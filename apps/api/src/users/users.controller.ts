import { type CurrentUser, UserDirectoryQueries } from '@app/application';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import { ListUsersQuery, UserDirectoryPageDto } from './users.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly directory: UserDirectoryQueries) {}

  @Get()
  @ApiOperation({
    summary: 'Staff in your jurisdiction (desk, head, admin): name, role, unit and whether active; for the assignee picker. Never a password or username',
  })
  @ApiOkResponse({ type: UserDirectoryPageDto })
  list(@User() user: CurrentUser, @Query() query: ListUsersQuery) {
    return this.directory.list(user, query);
  }
}
