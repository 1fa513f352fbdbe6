import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  type ValidatorConstraintInterface,
  ValidatorConstraint,
} from 'class-validator';
import { deliveryChannels } from '../../../contracts/delivery-channels';
import { isTimeZone } from '../../../contracts/contract-fields';
import { IsPlainText } from '../../requests/plain-text';

@ValidatorConstraint({ name: 'timeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isTimeZone(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/Warsaw';
  }
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietWindowDto {
  @ApiProperty({ example: '21:00' })
  @Matches(CLOCK, { message: 'start must be a 24-hour time such as 21:00' })
  start!: string;

  @ApiProperty({ example: '08:00' })
  @Matches(CLOCK, { message: 'end must be a 24-hour time such as 08:00' })
  end!: string;
}

/** How to reach a patient. The EHR integration keeps this current; operators may correct it. */
// A map of quiet windows names no class Swagger could find by itself: registered here for its $ref.
@ApiExtraModels(QuietWindowDto)
export class PatientContactDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Maria',
    description: 'For greetings only.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsPlainText()
  givenName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'maria@example.org',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+48601234567',
    description: 'Mobile number in E.164 form.',
  })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be an E.164 number such as +48601234567' })
  phone?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    default: false,
    description: 'The patient has a portal account (portal inbox).',
  })
  @IsOptional()
  @IsBoolean()
  portalEnabled?: boolean | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'es',
    default: 'en',
    description: 'BCP 47 language tag.',
  })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'language must be a language tag such as en or es-MX',
  })
  language?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: ['plain', 'standard'],
    default: 'plain',
  })
  @IsOptional()
  @IsIn(['plain', 'standard'])
  readingLevel?: 'plain' | 'standard' | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Europe/Warsaw',
  })
  @IsOptional()
  @Validate(IsIanaTimeZone)
  timeZone?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: deliveryChannels,
    isArray: true,
    example: ['sms', 'email', 'portal'],
    description: 'Preferred channels, most preferred first (default: the policy order).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(deliveryChannels, { each: true })
  channelOrder?: string[] | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: { allOf: [{ $ref: getSchemaPath(QuietWindowDto) }], nullable: true },
    description: 'Per-channel quiet hours replacing the policy (null: none for that channel).',
  })
  @IsOptional()
  @IsObject()
  quietHours?: Record<string, QuietWindowDto | null> | null;
}

export class ConsentDto {
  @ApiProperty({ enum: ['granted', 'revoked'] })
  @IsIn(['granted', 'revoked'])
  status!: 'granted' | 'revoked';

  @ApiPropertyOptional({ example: 'ehr', description: 'Where the consent was recorded (default: api).' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'source must be a short lowercase label' })
  source?: string;
}

export class ConsentView {
  @ApiProperty({ enum: deliveryChannels }) channel!: string;
  @ApiProperty({ enum: ['granted', 'revoked'] }) status!: string;
  @ApiProperty() source!: string;
  @ApiProperty() changedAt!: string;
}

export class PatientContactView {
  @ApiProperty({ type: PatientContactDto }) contact!: PatientContactDto | null;
  @ApiProperty({ type: [ConsentView] }) consents!: ConsentView[];
}
