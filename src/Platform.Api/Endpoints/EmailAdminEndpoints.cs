using MediatR;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Email;
using Platform.Application.Email.Commands.AddEmailSuppression;
using Platform.Application.Email.Commands.RemoveEmailSuppression;
using Platform.Application.Email.Queries.ListEmailEvents;
using Platform.Application.Email.Queries.ListEmailMessages;
using Platform.Application.Email.Queries.ListEmailSuppressions;

namespace Platform.Api.Endpoints;

/// <summary>Email administration: every message and how it went, what providers reported, and the suppression list. Role checks live in the requests (403 for non-admins).</summary>
internal static class EmailAdminEndpoints
{
    public static void MapEmailAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var email = app.MapGroup("/api/v1/admin/email").WithTags("Email").RequireAuthorization();
        email.MapGet("/messages", ListEmailMessages).WithName(nameof(ListEmailMessages))
            .Produces<Page<EmailMessageDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        email.MapGet("/events", ListEmailEvents).WithName(nameof(ListEmailEvents))
            .Produces<Page<EmailEventDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        email.MapGet("/suppressions", ListEmailSuppressions).WithName(nameof(ListEmailSuppressions))
            .Produces<Page<EmailSuppressionDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        email.MapPost("/suppressions", AddEmailSuppression).WithName(nameof(AddEmailSuppression))
            .Produces<EmailSuppressionDto>(StatusCodes.Status201Created).Produces<EmailSuppressionDto>()
            .ApiProblems(400, 401, 403, 409, 413, 415, 422);
        email.MapDelete("/suppressions/{email}", RemoveEmailSuppression).WithName(nameof(RemoveEmailSuppression))
            .Produces(StatusCodes.Status204NoContent).ApiProblems(400, 401, 403, 404, 409);
    }

    public static async Task<IResult> ListEmailMessages(
        HttpContext context,
        IMediator mediator,
        string? status,
        string? recipient,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? cursor,
        [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(
            new ListEmailMessagesQuery(status, recipient, from?.ToUniversalTime(), to?.ToUniversalTime(), pageSize ?? PagingDefaults.PageSize, cursor),
            context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> ListEmailEvents(
        HttpContext context, IMediator mediator, string? kind, string? recipient, string? cursor, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(new ListEmailEventsQuery(kind, recipient, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> ListEmailSuppressions(
        HttpContext context, IMediator mediator, string? email, string? cursor, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(new ListEmailSuppressionsQuery(email, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> AddEmailSuppression(AddEmailSuppressionRequest request, HttpContext context, IMediator mediator)
    {
        var suppression = await mediator.Send(
            new AddEmailSuppressionCommand(request.Email ?? string.Empty, request.Note, IdempotencyHttp.Key(context)), context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/admin/email/suppressions?email={Uri.EscapeDataString(suppression.Email)}", suppression);
    }

    public static async Task<IResult> RemoveEmailSuppression(string email, HttpContext context, IMediator mediator)
    {
        await mediator.Send(new RemoveEmailSuppressionCommand(email), context.RequestAborted);
        return TypedResults.NoContent();
    }
}
