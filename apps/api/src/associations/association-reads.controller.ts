import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answer, Summary } from '../platform/openapi.decorators';
import { AssociationId, GoalYear, swedishDate } from '@stegvis/domain';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { MinPosition, ZodQueries } from '../platform/query-params';
import { ZodParam } from '../platform/zod-validation';
import { AssociationView, GetAssociation } from './association-view';
import { InterventionList, ListInterventions } from './association-interventions';
import { GetGoals, GoalsInForce } from './goal-history';

const AfterPosition = z.object({ minPosition: MinPosition });

/** The association's configuration read back (DESIGN §5 v1.1): itself, its insatser, its goals. */
@ApiTags('Samordningsförbund')
@ApiBearerAuth()
@Controller('v1/associations/:aid')
export class AssociationReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('chief', 'board')
  @Summary('Förbundet: namn, organisationsnummer och parter')
  @Answer(AssociationView)
  get(@ZodParam('aid', AssociationId) aid: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetAssociation(aid, actor));
  }

  @Get('interventions')
  @Roles('chief', 'board', 'staff')
  @Summary(
    'Förbundets insatser (personal: sina egna) med typ, parter, datum, status, formulär och stegtrappa',
  )
  @Answer(InterventionList)
  listInterventions(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodQueries(AfterPosition) query: z.infer<typeof AfterPosition>,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(
      new ListInterventions(aid, actor, swedishDate(new Date()), query.minPosition),
    );
  }

  @Get('goals/:year')
  @Roles('chief', 'board')
  @Summary('Förbundets mål för året, och varje gång de har satts')
  @Answer(GoalsInForce)
  getGoals(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('year', GoalYear) year: number,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(
      new GetGoals({ kind: 'association', associationId: aid }, year, actor),
    );
  }
}
