import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { deliveryChannels, type DeliveryChannel } from '../../contracts/delivery-channels';
import { AuditedAs } from '../audit/audited.decorator';
import { Roles, ServesScope } from '../auth/roles.decorator';
import { OutreachMessageView } from '../outreach/dto/outreach-views';
import { ChannelPipe } from './channel.pipe';
import { ConsentDto, ConsentView, PatientContactDto, PatientContactView } from './dto/contact.dto';
import { PatientIdPipe } from './patient-id.pipe';
import { PatientsService } from './patients.service';

@ApiTags('patients')
@ApiBearerAuth()
@Controller('patients/:patientId')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get('contact')
  @Roles('operator', 'integration', 'auditor')
  @AuditedAs('patient.contact.read', { patientId: 'params.patientId' })
  @ApiOperation({ summary: "The patient's contact profile and channel consents." })
  @ApiOkResponse({ type: PatientContactView })
  contact(@Param('patientId', PatientIdPipe) patientId: string): Promise<PatientContactView> {
    return this.patients.contact(patientId);
  }

  @Put('contact')
  @Roles('operator', 'integration')
  @AuditedAs('patient.contact.update', { patientId: 'params.patientId' })
  @ApiOperation({
    summary: 'Update the contact profile (addresses, channel order, language, time zone).',
    description:
      'Merges: a field left out keeps its value; a field sent as null is cleared (language, reading level, ' +
      'channel order and portal go back to their defaults). A body that names no field is refused (400).',
  })
  @ApiOkResponse({ type: PatientContactView })
  saveContact(
    @Param('patientId', PatientIdPipe) patientId: string,
    @Body() body: PatientContactDto,
  ): Promise<PatientContactView> {
    return this.patients.saveContact(patientId, body);
  }

  @Put('consents/:channel')
  @Roles('operator', 'integration')
  @AuditedAs('patient.consent.update', { patientId: 'params.patientId' })
  @ApiOperation({
    summary: 'Grant or revoke consent for one channel; applies to the next send of every journey.',
  })
  // A channel's type is a union, which compiled decorator metadata may not carry to Swagger's scan.
  @ApiParam({ name: 'channel', enum: deliveryChannels })
  @ApiOkResponse({ type: ConsentView })
  setConsent(
    @Param('patientId', PatientIdPipe) patientId: string,
    @Param('channel', new ChannelPipe()) channel: DeliveryChannel,
    @Body() body: ConsentDto,
  ): Promise<ConsentView> {
    return this.patients.setConsent(patientId, channel, body);
  }

  @Get('messages')
  @Roles('operator', 'auditor')
  @AuditedAs('patient.messages.read', { patientId: 'params.patientId' })
  @ApiOperation({
    summary: 'Every message attempt for the patient across journeys, newest first, with delivery events.',
  })
  @ApiQuery({ name: 'channel', enum: deliveryChannels, required: false, description: 'Only this channel.' })
  @ApiOkResponse({ type: [OutreachMessageView] })
  messages(
    @Param('patientId', PatientIdPipe) patientId: string,
    @Query('channel', new ChannelPipe(false)) channel?: DeliveryChannel,
  ): Promise<OutreachMessageView[]> {
    return this.patients.messages(patientId, channel);
  }

  @Get('inbox')
  // The patient portal's own view; staff read the same messages through /messages.
  @Roles('integration')
  @ServesScope('portal-inbox')
  @AuditedAs('patient.inbox.read', { patientId: 'params.patientId' })
  @ApiOperation({ summary: "The patient's portal inbox (for the patient portal), newest first." })
  @ApiOkResponse({ type: [OutreachMessageView] })
  inbox(@Param('patientId', PatientIdPipe) patientId: string): Promise<OutreachMessageView[]> {
    return this.patients.inbox(patientId);
  }

  @Post('inbox/:messageId/read')
  @HttpCode(204)
  @Roles('integration')
  @ServesScope('portal-inbox')
  @AuditedAs('patient.inbox.mark-read', { patientId: 'params.patientId' })
  @ApiOperation({
    summary: 'The patient read a portal message: a delivery status and a response for the journey.',
  })
  @ApiNoContentResponse()
  markRead(
    @Param('patientId', PatientIdPipe) patientId: string,
    @Param('messageId', new ParseUUIDPipe()) messageId: string,
  ): Promise<void> {
    return this.patients.markRead(patientId, messageId);
  }
}
