import { ApiProperty } from '@nestjs/swagger';

export class SettingsFitProblemView {
  @ApiProperty({ example: 'reminderLead', description: 'The setting, as the program settings name it.' })
  field!: string;
  @ApiProperty({ example: 'Unrecognized key: "reminderLead"' }) message!: string;
}

/** `GET /api/journey-definitions/:id/draft/settings-fit`. */
export class SettingsFitView {
  @ApiProperty() definitionId!: string;
  @ApiProperty({ description: 'The draft revision this answers for.' }) revision!: number;
  @ApiProperty({ description: 'The program settings version current now (0: the built-in defaults).' })
  settingsVersion!: number;
  @ApiProperty({
    description:
      "Whether that version fits the draft's declared settings. When it does not, publishing the draft makes every new enrolment a 409 until settings that fit are published (HZ-72).",
  })
  fits!: boolean;
  @ApiProperty({ type: [SettingsFitProblemView] }) problems!: SettingsFitProblemView[];
}
