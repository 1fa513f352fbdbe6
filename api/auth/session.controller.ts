import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES, type Role } from '../../config/api-keys';
import type { AuthenticatedRequest } from './api-key.guard';
import { Roles } from './roles.decorator';

export class SessionView {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({
    example: 'operator:alice',
    description: "The key holder's name, as the audit trail shows it.",
  })
  name!: string;
}

/** Who the presented key belongs to: the designer shows each role only what it may do. */
@ApiTags('session')
@ApiBearerAuth()
@Controller('session')
export class SessionController {
  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: "The caller's role and name." })
  @ApiOkResponse({ type: SessionView })
  whoAmI(@Req() request: AuthenticatedRequest): SessionView {
    return { role: request.actor!.role, name: request.actor!.name };
  }
}
