import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answer, Summary } from '../platform/openapi.decorators';
import { swedishDate } from '@stegvis/domain';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { ZodQueries } from '../platform/query-params';
import { ParticipantSearch, ParticipantSearchPage, SearchParticipants } from './participant-search';

@ApiTags('Deltagare')
@ApiBearerAuth()
@Controller('v1/participants')
export class ParticipantSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('staff', 'chief')
  @Summary(
    'Deltagarna i mina insatser, senast ändrade först, med status och det som saknas; filtrerat och sidindelat',
  )
  @Answer(ParticipantSearchPage)
  list(
    // The type spelled with z.infer: a name that is also a value would be read as a class.
    @ZodQueries(ParticipantSearch) search: z.infer<typeof ParticipantSearch>,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipantSearchPage> {
    return this.queries.execute(new SearchParticipants(search, actor, swedishDate(new Date())));
  }
}
