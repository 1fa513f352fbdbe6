import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { DefinitionIdPipe } from './definition-id.pipe';
import { DefinitionSettingsFitService } from './definition-settings-fit.service';
import { SettingsFitView } from './dto/settings-fit-view';

@ApiTags('journey-definitions')
@ApiBearerAuth()
@Controller('journey-definitions')
export class DefinitionSettingsFitController {
  constructor(private readonly settingsFit: DefinitionSettingsFitService) {}

  @Get(':id/draft/settings-fit')
  @Roles('designer', 'operator', 'auditor')
  @ApiOperation({
    summary:
      "Whether the program settings current now fit the draft's declared settings: a publish that makes them unfit refuses new enrolments until settings that fit are published.",
  })
  @ApiOkResponse({ type: SettingsFitView })
  @ApiNotFoundResponse({ description: 'No such definition, or it has no draft.' })
  fit(@Param('id', DefinitionIdPipe) id: string): Promise<SettingsFitView> {
    return this.settingsFit.fit(id);
  }
}
