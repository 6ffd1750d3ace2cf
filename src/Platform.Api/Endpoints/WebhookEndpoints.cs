using MediatR;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Webhooks;
using Platform.Application.Webhooks.Commands.CreateWebhookEndpoint;
using Platform.Application.Webhooks.Commands.DeleteWebhookEndpoint;
using Platform.Application.Webhooks.Commands.RecoverWebhookEndpoint;
using Platform.Application.Webhooks.Commands.RedeliverWebhookMessage;
using Platform.Application.Webhooks.Commands.ResealWebhookSecrets;
using Platform.Application.Webhooks.Commands.RotateWebhookEndpointSecret;
using Platform.Application.Webhooks.Commands.SendWebhookTestMessage;
using Platform.Application.Webhooks.Commands.UpdateWebhookEndpoint;
using Platform.Application.Webhooks.Queries.GetWebhookEndpoint;
using Platform.Application.Webhooks.Queries.GetWebhookMessage;
using Platform.Application.Webhooks.Queries.ListWebhookAttempts;
using Platform.Application.Webhooks.Queries.ListWebhookEndpoints;
using Platform.Application.Webhooks.Queries.ListWebhookEventTypes;
using Platform.Application.Webhooks.Queries.ListWebhookMessages;

namespace Platform.Api.Endpoints;

/// <summary>Outbound webhooks: admins manage the endpoints that receive them. Role checks live in the requests (403 for non-admins).</summary>
internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization();

        webhooks.MapPost("/endpoints", CreateWebhookEndpoint).WithName(nameof(CreateWebhookEndpoint))
            .Produces<WebhookEndpointWithSecretDto>(StatusCodes.Status201Created).Produces<WebhookEndpointWithSecretDto>()
            .ApiProblems(400, 401, 403, 409, 413, 415, 422);
        webhooks.MapGet("/endpoints", ListWebhookEndpoints).WithName(nameof(ListWebhookEndpoints))
            .Produces<Page<WebhookEndpointDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        webhooks.MapGet("/endpoints/{id:guid}", GetWebhookEndpoint).WithName(nameof(GetWebhookEndpoint))
            .Produces<WebhookEndpointDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(401, 403, 404);
        webhooks.MapPatch("/endpoints/{id:guid}", UpdateWebhookEndpoint).WithName(nameof(UpdateWebhookEndpoint))
            .Accepts<UpdateWebhookEndpointRequest>("application/merge-patch+json", "application/json")
            .Produces<WebhookEndpointDto>().ApiProblems(400, 401, 403, 404, 409, 412, 413, 415, 422);
        webhooks.MapDelete("/endpoints/{id:guid}", DeleteWebhookEndpoint).WithName(nameof(DeleteWebhookEndpoint))
            .Produces(StatusCodes.Status204NoContent).ApiProblems(401, 403, 404);
        webhooks.MapPost("/endpoints/{id:guid}/rotate-secret", RotateWebhookEndpointSecret).WithName(nameof(RotateWebhookEndpointSecret))
            .Produces<WebhookEndpointWithSecretDto>().ApiProblems(400, 401, 403, 404, 409, 422);
        webhooks.MapPost("/endpoints/{id:guid}/test", SendWebhookTestMessage).WithName(nameof(SendWebhookTestMessage))
            .Produces<WebhookMessageDto>(StatusCodes.Status202Accepted).ApiProblems(400, 401, 403, 404, 409, 422);
        webhooks.MapPost("/endpoints/{id:guid}/recover", RecoverWebhookEndpoint).WithName(nameof(RecoverWebhookEndpoint))
            .Produces<WebhookRecoveryDto>().ApiProblems(400, 401, 403, 404, 409, 413, 415, 422);
        webhooks.MapGet("/endpoints/{id:guid}/messages", ListWebhookMessages).WithName(nameof(ListWebhookMessages))
            .Produces<Page<WebhookMessageDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403, 404);
        webhooks.MapGet("/messages/{id:guid}", GetWebhookMessage).WithName(nameof(GetWebhookMessage))
            .Produces<WebhookMessageDto>().Produces(StatusCodes.Status304NotModified).ApiProblems(401, 403, 404);
        webhooks.MapGet("/messages/{id:guid}/attempts", ListWebhookAttempts).WithName(nameof(ListWebhookAttempts))
            .Produces<ItemsDto<WebhookAttemptDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(401, 403, 404);
        webhooks.MapPost("/messages/{id:guid}/redeliver", RedeliverWebhookMessage).WithName(nameof(RedeliverWebhookMessage))
            .Produces<WebhookMessageDto>(StatusCodes.Status202Accepted).ApiProblems(400, 401, 403, 404, 409, 422);
        webhooks.MapPost("/secrets/reseal", ResealWebhookSecrets).WithName(nameof(ResealWebhookSecrets))
            .Produces<WebhookResealDto>().ApiProblems(400, 401, 403, 409, 422);
        webhooks.MapGet("/event-types", ListWebhookEventTypes).WithName(nameof(ListWebhookEventTypes))
            .Produces<ItemsDto<WebhookEventTypeDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(401, 403);
    }

    public static async Task<IResult> CreateWebhookEndpoint(CreateWebhookEndpointRequest request, HttpContext context, IMediator mediator)
    {
        var endpoint = await mediator.Send(
            new CreateWebhookEndpointCommand(request.Url ?? string.Empty, request.Description, request.EventTypes!, request.Enabled, IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Created(context, $"/api/v1/webhooks/endpoints/{endpoint.Id}", endpoint, ETags.ForVersion(endpoint.Version));
    }

    public static async Task<IResult> ListWebhookEndpoints(HttpContext context, IMediator mediator, string? cursor, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(new ListWebhookEndpointsQuery(pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> GetWebhookEndpoint(Guid id, HttpContext context, IMediator mediator)
    {
        var endpoint = await mediator.Send(new GetWebhookEndpointQuery(id), context.RequestAborted);
        return ETags.Json(context, endpoint, ETags.ForVersion(endpoint.Version));
    }

    public static async Task<IResult> UpdateWebhookEndpoint(Guid id, UpdateWebhookEndpointRequest request, HttpContext context, IMediator mediator)
    {
        var endpoint = await mediator.Send(
            new UpdateWebhookEndpointCommand(id, request.Url, request.Description, request.EventTypes, request.Enabled, ETags.AcceptedVersions(context.Request), IdempotencyHttp.Key(context)),
            context.RequestAborted);
        return IdempotencyHttp.Ok(context, endpoint, ETags.ForVersion(endpoint.Version));
    }

    public static async Task<IResult> DeleteWebhookEndpoint(Guid id, HttpContext context, IMediator mediator)
    {
        await mediator.Send(new DeleteWebhookEndpointCommand(id), context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> RotateWebhookEndpointSecret(Guid id, HttpContext context, IMediator mediator)
    {
        var endpoint = await mediator.Send(new RotateWebhookEndpointSecretCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted);
        return IdempotencyHttp.Ok(context, endpoint, ETags.ForVersion(endpoint.Version));
    }

    public static async Task<IResult> SendWebhookTestMessage(Guid id, HttpContext context, IMediator mediator)
    {
        var message = await mediator.Send(new SendWebhookTestMessageCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted);
        return IdempotencyHttp.Accepted(context, $"/api/v1/webhooks/messages/{message.Id}", message);
    }

    public static async Task<IResult> RecoverWebhookEndpoint(Guid id, RecoverWebhookEndpointRequest request, HttpContext context, IMediator mediator)
    {
        var recovery = await mediator.Send(new RecoverWebhookEndpointCommand(id, request.Since, IdempotencyHttp.Key(context)), context.RequestAborted);
        return IdempotencyHttp.Ok(context, recovery);
    }

    public static async Task<IResult> ListWebhookMessages(
        Guid id, HttpContext context, IMediator mediator, string? status, string? cursor, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(new ListWebhookMessagesQuery(id, status, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> GetWebhookMessage(Guid id, HttpContext context, IMediator mediator) =>
        ETags.Json(context, await mediator.Send(new GetWebhookMessageQuery(id), context.RequestAborted));

    public static async Task<IResult> ListWebhookAttempts(Guid id, HttpContext context, IMediator mediator) =>
        ETags.Json(context, await mediator.Send(new ListWebhookAttemptsQuery(id), context.RequestAborted));

    public static async Task<IResult> RedeliverWebhookMessage(Guid id, HttpContext context, IMediator mediator)
    {
        var message = await mediator.Send(new RedeliverWebhookMessageCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted);
        return IdempotencyHttp.Accepted(context, $"/api/v1/webhooks/messages/{message.Id}", message);
    }

    public static async Task<IResult> ResealWebhookSecrets(HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new ResealWebhookSecretsCommand(IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<IResult> ListWebhookEventTypes(HttpContext context, IMediator mediator) =>
        ETags.Json(context, await mediator.Send(new ListWebhookEventTypesQuery(), context.RequestAborted));
}
