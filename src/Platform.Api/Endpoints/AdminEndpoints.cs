using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Application.Auditing;
using Platform.Application.Auditing.Queries.ListAuditEntries;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.SetUserRoles;
using Platform.Api.Http;

namespace Platform.Api.Endpoints;

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>Administration: user roles and the audit log. Role checks live in the requests (403 for non-admins).</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization();
        admin.MapPut("/users/{id:guid}/roles", SetUserRoles).WithName(nameof(SetUserRoles)).ApiProblems(400, 401, 403, 404, 409);
        admin.MapGet("/audit", ListAudit).WithName(nameof(ListAudit))
            .Produces<Page<AuditEntryDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
    }

    public static async Task<Ok<UserDto>> SetUserRoles(Guid id, SetRolesRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetUserRolesCommand(id, request.Roles ?? []), cancellationToken));

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
}
