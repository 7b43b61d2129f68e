import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CorrectEnrolmentBody,
  EraseParticipantBody,
  ExitParticipantBody,
  ParticipantId,
  RecordFollowUpBody,
  RecordProgressionStepBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RetractEntryBody,
} from '@stegvis/domain';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { Created } from '../platform/created-location';
import { Answer, NoContent, Summary, WriteEndpoint } from '../platform/openapi.decorators';
import { WriteAnswer } from '../platform/write-answers';
import { ParticipantHistoryAnswer } from './participant-answers';
import { Write, type WriteContext } from '../platform/write-context';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import { GetParticipant } from './participant-history';
import { ChangeParticipantRequest, EraseParticipantRequest } from './participant.requests';

/** A fact recorded on a participant is read in the participant's history. */
const OnParticipant = () => Created((_, params) => `/v1/participants/${String(params.pid)}`);

@ApiTags('Deltagare')
@ApiBearerAuth()
@Controller('v1/participants/:pid')
export class ParticipantsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('staff', 'chief')
  @Summary('En deltagare: läge och hela historiken, äldst först, återkallade markerade')
  @Answer(ParticipantHistoryAnswer)
  get(@ZodParam('pid', ParticipantId) pid: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetParticipant(pid, actor));
  }

  @Post('self-assessments')
  @Roles('staff', 'chief')
  @Summary('Registrera en självskattning (start, mellan eller slut)')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Självskattningen är registrerad' })
  @OnParticipant()
  recordSelfAssessment(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(RecordSelfAssessmentBody) body: RecordSelfAssessmentBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'RecordSelfAssessment', body }, ctx),
    );
  }

  @Post('progression-steps')
  @Roles('staff', 'chief')
  @Summary('Registrera ett steg på stegtrappan')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Steget är registrerat' })
  @OnParticipant()
  recordProgressionStep(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(RecordProgressionStepBody) body: RecordProgressionStepBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'RecordProgressionStep', body }, ctx),
    );
  }

  @Post('satisfaction')
  @Roles('staff', 'chief')
  @Summary('Registrera deltagarens nöjdhet')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Nöjdheten är registrerad' })
  @OnParticipant()
  recordSatisfaction(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(RecordSatisfactionBody) body: RecordSatisfactionBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'RecordSatisfaction', body }, ctx),
    );
  }

  @Post('exit')
  @Roles('staff', 'chief')
  @Summary('Skriv ut deltagaren: datum, utfall och försörjning')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Deltagaren är utskriven' })
  @OnParticipant()
  exit(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(ExitParticipantBody) body: ExitParticipantBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'ExitParticipant', body }, ctx),
    );
  }

  /** v1.1: what the person does 3, 6 or 12 months after exit; the one fact accepted after it. */
  @Post('follow-ups')
  @Roles('staff', 'chief')
  @Summary('Registrera uppföljningen 3, 6 eller 12 månader efter avslut')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Uppföljningen är registrerad' })
  @OnParticipant()
  recordFollowUp(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(RecordFollowUpBody) body: RecordFollowUpBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'RecordFollowUp', body }, ctx),
    );
  }

  /** v1.1: a wrongly entered enrolment field; the latest correction counts, the history keeps both. */
  @Post('enrolment-corrections')
  @Roles('staff', 'chief')
  @Summary('Rätta uppgifter från inskrivningen (det senaste värdet gäller)')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Rättelsen är registrerad' })
  @OnParticipant()
  correctEnrolment(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(CorrectEnrolmentBody) body: CorrectEnrolmentBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'CorrectEnrolment', body }, ctx),
    );
  }

  @Post('retractions')
  @Roles('staff', 'chief')
  @Summary('Återkalla en felaktig uppgift (den finns kvar, markerad)')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Uppgiften är återkallad' })
  @OnParticipant()
  retract(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(RetractEntryBody) body: RetractEntryBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeParticipantRequest(pid, { type: 'RetractEntry', body }, ctx),
    );
  }

  @Delete()
  @HttpCode(204)
  @Roles('chief')
  @Summary('Radera deltagarens uppgifter (gallring); endast förbundschef')
  @WriteEndpoint()
  @NoContent('Uppgifterna är raderade')
  async erase(
    @ZodParam('pid', ParticipantId) pid: string,
    @ZodBody(EraseParticipantBody) body: EraseParticipantBody,
    @Write() ctx: WriteContext,
  ): Promise<void> {
    await this.commands.execute(new EraseParticipantRequest(pid, body, ctx));
  }
}
