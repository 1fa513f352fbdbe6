import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { AuditedAs } from '../audit/audited.decorator';
import { Roles } from '../auth/roles.decorator';
import { PublishSettingsDto, SettingsDraftDto } from './dto/publish-settings.dto';
import { SettingsCheckView, SettingsVersionSummaryView, SettingsVersionView } from './dto/settings-views';
import { SettingsPreviewDto, SettingsPreviewView } from './dto/settings-preview.dto';
import { ProgramSettingsService } from './program-settings.service';
import { Int32Pipe } from '../requests/int32';

/**
 * Program settings per journey type (coded, or a published definition), in versions. New enrolments get the current version and
 * keep it for life; publishing never changes a journey that is already running.
 */
@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs/:journeyType/settings')
export class ProgramSettingsController {
  constructor(private readonly settings: ProgramSettingsService) {}

  @Get()
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'The settings new enrolments get now.' })
  @ApiOkResponse({ type: SettingsVersionView })
  @ApiNotFoundResponse({ description: 'Unknown journey type.' })
  current(@Param('journeyType') journeyType: string): Promise<SettingsVersionView> {
    return this.settings.current(journeyType);
  }

  @Get('versions')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({
    summary: 'Every published version, newest first, ending with the built-in defaults (version 0).',
  })
  @ApiOkResponse({ type: [SettingsVersionSummaryView] })
  @ApiNotFoundResponse({ description: 'Unknown journey type.' })
  history(@Param('journeyType') journeyType: string): Promise<SettingsVersionSummaryView[]> {
    return this.settings.history(journeyType);
  }

  @Get('versions/:version')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({ summary: 'One version, as the journeys enrolled with it run.' })
  @ApiOkResponse({ type: SettingsVersionView })
  @ApiNotFoundResponse({ description: 'Unknown journey type, or no such version.' })
  version(
    @Param('journeyType') journeyType: string,
    @Param('version', new Int32Pipe('version')) version: number,
  ): Promise<SettingsVersionView> {
    return this.settings.version(journeyType, version);
  }

  @Post('validate')
  @HttpCode(HttpStatus.OK)
  @Roles('designer')
  @ApiOperation({
    summary: 'Check a draft without publishing it; answers with its problems or the resolved settings.',
  })
  @ApiOkResponse({ type: SettingsCheckView })
  @ApiNotFoundResponse({ description: 'Unknown journey type.' })
  validate(
    @Param('journeyType') journeyType: string,
    @Body() body: SettingsDraftDto,
  ): Promise<SettingsCheckView> {
    return this.settings.check(journeyType, body.settings);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @Roles('designer')
  @ApiOperation({
    summary:
      'Render one wording with a draft for a language and channel, as the patient would read it; notes where the default language stands in.',
  })
  @ApiOkResponse({ type: SettingsPreviewView })
  @ApiBadRequestResponse({ description: 'The draft is invalid, or the request is.' })
  @ApiNotFoundResponse({ description: 'Unknown journey type.' })
  @ApiUnprocessableEntityResponse({
    description: 'The wording cannot be rendered (unknown key, too long an SMS).',
  })
  preview(
    @Param('journeyType') journeyType: string,
    @Body() body: SettingsPreviewDto,
  ): Promise<SettingsPreviewView> {
    return this.settings.preview(journeyType, body);
  }

  @Post()
  @Roles('designer')
  // A publish changes what every later enrolment runs on: who did it, allowed or refused, is kept.
  @AuditedAs('program-settings.publish', { definitionId: 'params.journeyType' })
  @ApiOperation({ summary: 'Publish a new version; only journeys enrolled from now on get it.' })
  @ApiCreatedResponse({ type: SettingsVersionView })
  @ApiBadRequestResponse({ description: 'The settings are invalid; nothing was published.' })
  @ApiNotFoundResponse({ description: 'Unknown journey type.' })
  @ApiConflictResponse({ description: 'Another version was published after basedOnVersion.' })
  publish(
    @Param('journeyType') journeyType: string,
    @Body() body: PublishSettingsDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<SettingsVersionView> {
    return this.settings.publish(journeyType, {
      settings: body.settings,
      basedOnVersion: body.basedOnVersion,
      note: body.note ?? '',
      publishedBy: request.role ?? 'unknown',
    });
  }
}
