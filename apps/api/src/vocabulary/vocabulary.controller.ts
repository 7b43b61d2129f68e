import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../platform/auth.decorators';
import { Vocabulary, VOCABULARY } from './vocabulary';

@ApiTags('Kodlistor')
@ApiBearerAuth()
@Controller('v1/vocabulary')
export class VocabularyController {
  @Get()
  @Roles('admin', 'chief', 'board', 'staff')
  @ApiOkResponse({
    description: 'Varje kodlista med svenska benämningar',
    schema: z.toJSONSchema(Vocabulary, {
      io: 'output',
      target: 'openapi-3.0',
      unrepresentable: 'any',
    }) as never,
  })
  get() {
    return VOCABULARY;
  }
}
