using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Application.Auditing;
using Platform.Application.Auditing.Queries.ListAuditEntries;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.DisableUser;
using Platform.Application.Identity.Commands.EnableUser;
using Platform.Application.Identity.Commands.RevokeUserSessions;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Application.Identity.Queries.ListUsers;
using Platform.Application.Outbox;
using Platform.Application.Outbox.Commands.RetryOutboxMessage;
using Platform.Application.Outbox.Queries.ListOutboxMessages;
using Platform.Api.Http;
using Platform.Application.Operations;
using Platform.Application.Operations.Queries.ListErrorCounts;
using Platform.Application.Operations.Queries.GetSloRecommendations;

namespace Platform.Api.Endpoints;

/// <summary>Administration: users (roles, disabling, sessions), the audit log, the outbox, the error counts and SLO recommendations. Role checks live in the requests (403 for non-admins).</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization();
        admin.MapPut("/users/{id:guid}/roles", SetUserRoles).WithName(nameof(SetUserRoles)).ApiProblems(400, 401, 403, 404, 409);
        admin.MapGet("/users", ListUsers).WithName(nameof(ListUsers))
            .Produces<Page<UserDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        admin.MapPost("/users/{id:guid}/disable", DisableUser).WithName(nameof(DisableUser)).Produces<UserDto>().ApiProblems(400, 401, 403, 404, 409, 422);
        admin.MapPost("/users/{id:guid}/enable", EnableUser).WithName(nameof(EnableUser)).Produces<UserDto>().ApiProblems(400, 401, 403, 404, 409, 422);
        admin.MapPost("/users/{id:guid}/sessions/revoke-all", RevokeUserSessions).WithName(nameof(RevokeUserSessions))
            .Produces<RevocationResultDto>().ApiProblems(400, 401, 403, 404, 409, 422);
        admin.MapGet("/audit", ListAudit).WithName(nameof(ListAudit))
            .Produces<Page<AuditEntryDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        admin.MapGet("/outbox", ListOutbox).WithName(nameof(ListOutbox))
            .Produces<Page<OutboxMessageDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        admin.MapPost("/outbox/{id:guid}/retry", RetryOutboxMessage).WithName(nameof(RetryOutboxMessage))
            .Produces<OutboxMessageDto>().ApiProblems(400, 401, 403, 404, 409, 422);
        admin.MapGet("/errors", ListErrorCounts).WithName(nameof(ListErrorCounts)).Produces<ErrorCountsDto>().ApiProblems(401, 403);
        admin.MapGet("/slo/recommend", GetSloRecommendations).WithName(nameof(GetSloRecommendations)).Produces<SloRecommendationsDto>().ApiProblems(401, 403);
    }

    public static async Task<Ok<SloRecommendationsDto>> GetSloRecommendations(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetSloRecommendationsQuery(), cancellationToken));

    public static async Task<Ok<ErrorCountsDto>> ListErrorCounts(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListErrorCountsQuery(), cancellationToken));

    public static async Task<Ok<UserDto>> SetUserRoles(Guid id, SetRolesRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetUserRolesCommand(id, request.Roles ?? []), cancellationToken));

    public static async Task<IResult> ListUsers(
        HttpContext context,
        IMediator mediator,
        string? email,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        string? cursor)
    {
        var result = await mediator.Send(new ListUsersQuery(email, page, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return ETags.Json(context, result);
    }

    public static async Task<IResult> DisableUser(Guid id, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new DisableUserCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<IResult> EnableUser(Guid id, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new EnableUserCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<IResult> RevokeUserSessions(Guid id, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new RevokeUserSessionsCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<IResult> ListAudit(
        HttpContext context,
        IMediator mediator,
        [FromQuery(Name = "actor_id")] Guid? actorId,
        string? action,
        [FromQuery(Name = "resource_type")] string? resourceType,
        [FromQuery(Name = "resource_id")] Guid? resourceId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? cursor,
        [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(
            new ListAuditEntriesQuery(actorId, action, resourceType, resourceId, from?.ToUniversalTime(), to?.ToUniversalTime(), pageSize ?? PagingDefaults.PageSize, cursor),
            context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> ListOutbox(
        HttpContext context,
        IMediator mediator,
        string? status,
        string? cursor,
        [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(new ListOutboxMessagesQuery(status ?? "pending", pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> RetryOutboxMessage(Guid id, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new RetryOutboxMessageCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));
}
