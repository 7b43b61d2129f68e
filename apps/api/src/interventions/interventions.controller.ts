import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { Answer, Summary, WriteEndpoint } from '../platform/openapi.decorators';
import { EnrolledParticipantAnswer, WriteAnswer } from '../platform/write-answers';
import { ParticipantListAnswer } from './intervention-answers';
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
  @Summary('En insats: namn, typ, parter, datum, formulär och stegtrappa')
  @Answer(InterventionView)
  get(@ZodParam('iid', InterventionId) iid: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetIntervention(iid, actor, swedishDate(new Date())));
  }

  @Get('participants')
  @Roles('staff', 'chief')
  @Summary('Insatsens deltagare, senast ändrade först, en sida i taget')
  @Answer(ParticipantListAnswer)
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
  @Summary('Insatsens mål för året, och varje gång de har satts')
  @Answer(GoalsInForce)
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
  @Summary('Sätt insatsens mål för ett år (ersätter årets tidigare mål)')
  @WriteEndpoint()
  @Answer(WriteAnswer, { description: 'Målen gäller' })
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
  @Summary('Avsluta insatsen: den tar inte emot nya uppgifter efter slutdatumet')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Insatsen är avslutad' })
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
  @Summary('Lägg till formulär för självskattning som insatsen använder')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Formulären är tillagda' })
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
  @Summary('Årets registrerade antal deltagare (strukturinriktade insatser), äldst först')
  @Answer(AttendanceList)
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
  @Summary('Registrera närvaro (antal kvinnor, män, annat) vid ett tillfälle')
  @WriteEndpoint()
  @Answer(WriteAnswer, { status: 201, description: 'Närvaron är registrerad' })
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
  @Summary('Skriv in en deltagare i insatsen (utan namn eller personnummer)')
  @WriteEndpoint()
  @Answer(EnrolledParticipantAnswer, { status: 201, description: 'Deltagaren är inskriven' })
  @Created((answer) => `/v1/participants/${String(answer.participantId)}`)
  enrol(
    @ZodParam('iid', InterventionId) iid: string,
    @ZodBody(EnrolParticipantBody) body: EnrolParticipantBody,
    @Write() ctx: WriteContext,
  ) {
    return this.commands.execute(new EnrolParticipantRequest(iid, body, ctx));
  }
}
