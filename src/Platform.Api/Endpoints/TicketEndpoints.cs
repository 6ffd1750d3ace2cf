using MediatR;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Tickets;
using Platform.Application.Tickets.Commands.AddTicketComment;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Application.Tickets.Queries.GetTicket;
using Platform.Application.Tickets.Queries.GetTicketComment;
using Platform.Application.Tickets.Queries.ListTicketComments;
using Platform.Application.Tickets.Queries.ListTickets;

namespace Platform.Api.Endpoints;

internal static class TicketEndpoints
{
    public static void MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        // Routes spelled out in full so route templates (metrics labels, OpenAPI) carry no trailing slash.
        var tickets = app.MapGroup("/api/v1").WithTags("Tickets").RequireAuthorization();
        tickets.MapPost("/tickets", CreateTicket).WithName(nameof(CreateTicket))
            .Produces<TicketDto>(StatusCodes.Status201Created).Produces<TicketDto>().ApiProblems(400, 401, 409, 413, 415, 422);
        tickets.MapGet("/tickets", ListTickets).WithName(nameof(ListTickets))
            .Produces<Page<TicketDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401);
        tickets.MapGet("/tickets/{id:guid}", GetTicket).WithName(nameof(GetTicket))
            .Produces<TicketDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(401, 404);
        tickets.MapPatch("/tickets/{id:guid}", UpdateTicket).WithName(nameof(UpdateTicket))
            .Accepts<UpdateTicketRequest>("application/merge-patch+json", "application/json")
            .Produces<TicketDto>().ApiProblems(400, 401, 403, 404, 409, 412, 413, 415, 422);
        tickets.MapPost("/tickets/{id:guid}/comments", AddComment).WithName(nameof(AddComment))
            .Produces<TicketCommentDto>(StatusCodes.Status201Created).Produces<TicketCommentDto>().ApiProblems(400, 401, 403, 404, 409, 413, 415, 422);
        tickets.MapGet("/tickets/{id:guid}/comments", ListComments).WithName(nameof(ListComments))
            .Produces<Page<TicketCommentDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 404);
        tickets.MapGet("/tickets/{id:guid}/comments/{commentId:guid}", GetComment).WithName(nameof(GetComment))
            .Produces<TicketCommentDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(401, 404);
    }

    public static async Task<IResult> CreateTicket(CreateTicketRequest request, HttpContext context, IMediator mediator)
    {
        var ticket = await mediator.Send(
            new CreateTicketCommand(request.Subject ?? string.Empty, request.Body ?? string.Empty, request.Priority, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/tickets/{ticket.Id}", ticket, ETags.ForVersion(ticket.Version));
    }

    public static async Task<IResult> ListTickets(
        HttpContext context,
        IMediator mediator,
        string? status,
        string? priority,
        [FromQuery(Name = "assignee_id")] Guid? assigneeId,
        int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        string? cursor)
    {
        var result = await mediator.Send(
            new ListTicketsQuery(status, priority, assigneeId, page, pageSize ?? PagingDefaults.PageSize, cursor),
            context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return ETags.Json(context, result);
    }

    public static async Task<IResult> GetTicket(Guid id, HttpContext context, IMediator mediator)
    {
        var ticket = await mediator.Send(new GetTicketQuery(id), context.RequestAborted);
        return ETags.Json(context, ticket, ETags.ForVersion(ticket.Version));
    }

    public static async Task<IResult> UpdateTicket(Guid id, UpdateTicketRequest request, HttpContext context, IMediator mediator)
    {
        var ticket = await mediator.Send(
            new UpdateTicketCommand(
                id,
                request.Subject,
                request.Body,
                request.Priority,
                request.Status,
                request.AssigneeId,
                ETags.AcceptedVersions(context.Request),
                IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Ok(context, ticket, ETags.ForVersion(ticket.Version));
    }

    public static async Task<IResult> AddComment(Guid id, AddCommentRequest request, HttpContext context, IMediator mediator)
    {
        var comment = await mediator.Send(new AddTicketCommentCommand(id, request.Body ?? string.Empty, IdempotencyHttp.Key(context)), context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/tickets/{id}/comments/{comment.Id}", comment);
    }

    public static async Task<IResult> GetComment(Guid id, Guid commentId, HttpContext context, IMediator mediator) =>
        ETags.Json(context, await mediator.Send(new GetTicketCommentQuery(id, commentId), context.RequestAborted));

    public static async Task<IResult> ListComments(Guid id, HttpContext context, IMediator mediator, int? page, [FromQuery(Name = "page_size")] int? pageSize, string? cursor)
    {
        var result = await mediator.Send(new ListTicketCommentsQuery(id, page, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, result.NextCursor);
        return ETags.Json(context, result);
    }
}
