import {
  ClusterCommandsUseCase,
  ClusterQueries,
  ClusterSuggestionsUseCase,
  type CurrentUser,
  PetitionGroupingQueries,
  PetitionQueries,
  ReturnToCommuneUseCase,
  SetRepresentativesUseCase,
} from '@app/application';
import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';
import { parseIfMatch, PETITION_IF_MATCH_HEADER, withETag } from '../http/if-match.js';
import {
  AddClusterMembersBody,
  CloseClusterBody,
  ClusterDraftBody,
  CreateClusterBody,
  ListClustersQuery,
  RemoveClusterMemberQuery,
  ReturnToCommuneBody,
  SetRepresentativesBody,
} from './grouping.dto.js';

/**
 * Group petitions and repeats on a petition: representatives (K16), cluster candidates, the repeat and
 * over-level flags, and the return of an over-level petition to its commune.
 */
@ApiTags('grouping')
@ApiBearerAuth()
@Controller('petitions')
export class PetitionGroupingController {
  constructor(
    private readonly representatives: SetRepresentativesUseCase,
    private readonly suggestions: ClusterSuggestionsUseCase,
    private readonly related: PetitionGroupingQueries,
    private readonly returnToCommune: ReturnToCommuneUseCase,
    private readonly petitions: PetitionQueries,
  ) {}

  @Put(':id/representatives')
  @ApiOperation({ summary: "Record a group petition's representatives (K16: 5–10 signatories → 1–2; more than 10 → at most 5), each one of the signatories" })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  async setRepresentatives(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Body() body: SetRepresentativesBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.representatives.execute(user, id, body.representatives, parseIfMatch(ifMatch)));
  }

  @Get(':id/related')
  @ApiOperation({ summary: 'Grouping facts and flags: representatives, cluster, repeat links (repeatOf, repeatedBy) and the over-level flag with its checks' })
  getRelated(@User() user: CurrentUser, @UuidParam('id') id: string) {
    return this.related.get(user, id);
  }

  @Get(':id/cluster-candidates')
  @ApiOperation({ summary: 'Open petitions and clusters of the same jurisdiction about the same matter, with score and reason' })
  candidates(@User() user: CurrentUser, @UuidParam('id') id: string) {
    return this.suggestions.forPetition(user, id);
  }

  @Post(':id/actions/return-to-commune')
  @HttpCode(200)
  @ApiOperation({ summary: 'Over-level (vượt cấp): transfer a province-level petition to the competent commune and keep watching it' })
  @ApiHeader(PETITION_IF_MATCH_HEADER)
  async returnPetition(
    @User() user: CurrentUser,
    @UuidParam('id') id: string,
    @Body() body: ReturnToCommuneBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.returnToCommune.execute(user, id, body, parseIfMatch(ifMatch));
    const view = withETag(res, await this.petitions.get(user, id));
    return { ...view, returnedPetitionId: result.returnedPetitionId, watcherUnitId: result.watcherUnitId };
  }
}

/** Clusters: petitions about one matter, handled once, every petitioner kept and answered. */
@ApiTags('grouping')
@ApiBearerAuth()
@Controller('clusters')
export class ClustersController {
  constructor(
    private readonly commands: ClusterCommandsUseCase,
    private readonly queries: ClusterQueries,
    private readonly suggestions: ClusterSuggestionsUseCase,
  ) {}

  @Post('suggest')
  @HttpCode(200)
  @ApiOperation({ summary: 'At intake, before saving: open petitions and clusters that look like the same matter (diacritics-insensitive)' })
  suggest(@User() user: CurrentUser, @Body() body: ClusterDraftBody) {
    return this.suggestions.forDraft(user, body);
  }

  @Post()
  @ApiOperation({ summary: 'Create a cluster from petitions of one jurisdiction (desk, head)' })
  async create(@User() user: CurrentUser, @Body() body: CreateClusterBody, @Res({ passthrough: true }) res: Response) {
    const id = await this.commands.create(user, body);
    res.status(201).setHeader('Location', `/api/clusters/${id}`);
    return this.queries.get(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'Clusters in your jurisdiction, most recently changed first' })
  list(@User() user: CurrentUser, @Query() query: ListClustersQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A cluster with every member petition and every petitioner (identities only where your role may see them)' })
  get(@User() user: CurrentUser, @UuidParam('id') id: string) {
    return this.queries.get(user, id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add petitions to a cluster (desk, head)' })
  async add(@User() user: CurrentUser, @UuidParam('id') id: string, @Body() body: AddClusterMembersBody) {
    await this.commands.addMembers(user, id, body.petitionIds, body.note);
    return this.queries.get(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a cluster with a reason (desk, head): members stay, each gets the event; no more members; off the hot spots' })
  async close(@User() user: CurrentUser, @UuidParam('id') id: string, @Body() body: CloseClusterBody) {
    await this.commands.close(user, id, body.reason);
    return this.queries.get(user, id);
  }

  @Delete(':id/members/:petitionId')
  @ApiOperation({ summary: 'Take a petition out of a cluster (desk, head)' })
  async remove(@User() user: CurrentUser, @UuidParam('id') id: string, @UuidParam('petitionId') petitionId: string, @Query() query: RemoveClusterMemberQuery) {
    await this.commands.removeMember(user, id, petitionId, query.reason);
    return this.queries.get(user, id);
  }
}
