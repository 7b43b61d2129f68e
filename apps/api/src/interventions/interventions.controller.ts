import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ChangeInterventionInstrumentsBody,
  CloseInterventionBody,
  EnrolParticipantBody,
  GoalYear,
  InterventionId,
  ParticipantId,
  RecordAttendanceBody,
  SetGoalsBody,
  swedishDate,
} from '@stegvis/domain';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { AttendanceList, ListAttendance } from './attendance-list';
import { GetIntervention, InterventionView } from './intervention-view';
import { ListParticipants } from './participant-list';
import { GetGoals, GoalsInForce } from '../associations/goal-history';
import { MinPosition, PageLimit, ZodQueries } from '../platform/query-params';
import { Created } from '../platform/created-location';
import { WriteEndpoint } from '../platform/openapi.decorators';
import { Write, type WriteContext } from '../platform/write-context';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import { EnrolParticipantRequest } from '../participants/participant.requests';
import { ChangeInterventionRequest } from './intervention.requests';

/** A page of an intervention's participants, after the last one of the previous page. */
const ParticipantPage = z.object({
  after: ParticipantId.optional(),
  limit: PageLimit,
  minPosition: MinPosition,
});

/** The year whose head counts to list; this year when not given. */
const AttendanceYear = z.object({ year: GoalYear.optional() });

/** Closing and head counts are read on the intervention. */
const OnIntervention = () => Created((_, params) => `/v1/interventions/${String(params.iid)}`);

@ApiTags('Insatser')
@ApiBearerAuth()
@Controller('v1/interventions/:iid')
export class InterventionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('staff', 'chief')
  @ApiOkResponse({
    description: 'Insatsen: namn, typ, parter, datum, formulär och stegtrappa',
    schema: z.toJSONSchema(InterventionView, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  get(@ZodParam('iid', InterventionId) iid: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetIntervention(iid, actor, swedishDate(new Date())));
  }

  @Get('participants')
  @Roles('staff', 'chief')
  list(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodQueries(ParticipantPage) page: z.infer<typeof ParticipantPage>,
    @CurrentActor() actor: Actor,
  ) {
    const { after, limit, minPosition } = page;
    return this.queries.execute(
      new ListParticipants(iid, actor, { after, limit, minPosition }, swedishDate(new Date())),
    );
  }

  @Get('goals/:year')
  @Roles('chief', 'board')
  @ApiOkResponse({
    description: 'Insatsens mål för året, och varje gång de har satts',
    schema: z.toJSONSchema(GoalsInForce, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  getGoals(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodParam('year', GoalYear) year: number,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(
      new GetGoals({ kind: 'intervention', interventionId: iid }, year, actor),
    );
  }

  @Put('goals/:year')
  @HttpCode(200)
  @Roles('chief')
  @WriteEndpoint(SetGoalsBody)
  setGoals(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodParam('year', GoalYear) year: number,
    @ZodBody(SetGoalsBody) body: SetGoalsBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeInterventionRequest(
        iid,
        { type: 'SetInterventionGoals', year, goals: body.goals },
        ctx,
      ),
    );
  }

  @Post('close')
  @Roles('chief')
  @WriteEndpoint(CloseInterventionBody)
  @OnIntervention()
  close(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodBody(CloseInterventionBody) body: CloseInterventionBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeInterventionRequest(iid, { type: 'CloseIntervention', body }, ctx),
    );
  }

  /** v1.1: instruments added later; answers already given keep their instrument. */
  @Post('instruments')
  @Roles('chief')
  @WriteEndpoint(ChangeInterventionInstrumentsBody)
  @OnIntervention()
  addInstruments(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodBody(ChangeInterventionInstrumentsBody) body: ChangeInterventionInstrumentsBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeInterventionRequest(iid, { type: 'ChangeInterventionInstruments', body }, ctx),
    );
  }

  @Get('attendance')
  @Roles('staff', 'chief')
  @ApiOkResponse({
    description: 'Årets registrerade antal deltagare (strukturinriktade insatser), äldst först',
    schema: z.toJSONSchema(AttendanceList, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  listAttendance(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodQueries(AttendanceYear) { year }: z.infer<typeof AttendanceYear>,
    @CurrentActor() actor: Actor,
  ) {
    const thisYear = Number(swedishDate(new Date()).slice(0, 4));
    return this.queries.execute(new ListAttendance(iid, year ?? thisYear, actor));
  }

  @Post('attendance')
  @Roles('staff', 'chief')
  @WriteEndpoint(RecordAttendanceBody)
  @OnIntervention()
  recordAttendance(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodBody(RecordAttendanceBody) body: RecordAttendanceBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(
      new ChangeInterventionRequest(iid, { type: 'RecordAttendance', body }, ctx),
    );
  }

  @Post('participants')
  @Roles('staff', 'chief')
  @WriteEndpoint(EnrolParticipantBody)
  @Created((answer) => `/v1/participants/${String(answer.participantId)}`)
  enrol(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodBody(EnrolParticipantBody) body: EnrolParticipantBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new EnrolParticipantRequest(iid, body, ctx));
  }
}
