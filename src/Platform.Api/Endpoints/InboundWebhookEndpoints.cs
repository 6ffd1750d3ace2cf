using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Api.Http;
using Platform.Application.Common.Behaviours;
using Platform.Application.Common.Inbound;
using Platform.Application.Common.Paging;
using Platform.Application.Inbound;
using Platform.Application.Inbound.Commands.ReceiveInboundEvent;
using Platform.Application.Inbound.Commands.ReprocessInboundEvent;
using Platform.Application.Inbound.Queries.ListInboundEvents;
using Platform.Domain.Inbound;

namespace Platform.Api.Endpoints;

/// <summary>
/// Inbound webhooks: one POST route per registered source (<c>AddInboundSource</c>), which verifies the raw body,
/// reads the event's id and type, stores it in the inbox and answers 200 at once (a duplicate too); the source's
/// handler runs later, through the outbox. And the admins' view of the inbox, with reprocess.
/// </summary>
internal static class InboundWebhookEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void MapInboundWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var maxBodyBytes = services.GetRequiredService<IOptions<InboundOptions>>().Value.MaxBodyBytes;
        foreach (var source in services.GetRequiredService<InboundSources>().All)
        {
            app.MapPost(source.Path, (HttpContext context, IMediator mediator, TimeProvider clock, ApplicationMetrics metrics, ILoggerFactory loggers) =>
                    ReceiveAsync(source, context, mediator, clock, metrics, loggers))
                .WithName($"ReceiveInboundWebhook_{source.Name}")
                .WithTags("Inbound webhooks")
                .WithSummary($"Receives a {source.Name} webhook")
                .AllowAnonymous()
                .WithMetadata(new RouteBodyMetadata(maxBodyBytes, RouteBodyMetadata.InboundMediaTypes), new RateLimitPolicyMetadata("inbound", o => o.Inbound))
                .Produces<InboundReceiptDto>()
                .ApiProblems(400, 401, 413, 415, 429);
        }

        var admin = app.MapGroup("/api/v1/admin").WithTags("Inbound webhooks").RequireAuthorization();
        admin.MapGet("/inbound-events", ListInboundEvents).WithName(nameof(ListInboundEvents))
            .Produces<Page<InboundEventDto>>().Produces(StatusCodes.Status304NotModified).ApiProblems(400, 401, 403);
        admin.MapPost("/inbound-events/{id:guid}/reprocess", ReprocessInboundEvent).WithName(nameof(ReprocessInboundEvent))
            .Produces<InboundEventDto>().ApiProblems(400, 401, 403, 404, 409, 422);
    }

    public static async Task<IResult> ListInboundEvents(
        HttpContext context, IMediator mediator, string? source, string? type, string? status, string? cursor, [FromQuery(Name = "page_size")] int? pageSize)
    {
        var page = await mediator.Send(new ListInboundEventsQuery(source, type, status, pageSize ?? PagingDefaults.PageSize, cursor), context.RequestAborted);
        Paging.AddNextLink(context, page.NextCursor);
        return ETags.Json(context, page);
    }

    public static async Task<IResult> ReprocessInboundEvent(Guid id, HttpContext context, IMediator mediator) =>
        TypedResults.Ok(await mediator.Send(new ReprocessInboundEventCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));

    private static async Task<IResult> ReceiveAsync(
        IInboundSource source, HttpContext context, IMediator mediator, TimeProvider clock, ApplicationMetrics metrics, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Platform.Api.Inbound");
        var request = context.Request;

        // Read whole (the middleware capped it): the signature covers these exact bytes, so nothing parses them first.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var inbound = new InboundRequest(
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, request.ContentType);

        if (!source.IsConfigured)
        {
            logger.LogWarning("Inbound webhook for {Source} refused: the source has no secret or credentials configured", source.Name);
            return await RefuseAsync(context, metrics, source, 401, InboundErrorCodes.Unverified, "The request's signature or credentials could not be verified.");
        }

        var verification = source.Verify(inbound, clock.GetUtcNow());
        if (!verification.Verified)
        {
            // The reason (never a secret) helps an operator tell a wrong secret from a clock or proxy problem.
            logger.LogWarning("Inbound webhook for {Source} refused: {Reason}", source.Name, verification.Failure);
            return await RefuseAsync(context, metrics, source, 401, InboundErrorCodes.Unverified, "The request's signature or credentials could not be verified.");
        }

        var parsed = source.Parse(inbound);
        if (!parsed.IsValid)
        {
            return await RefuseAsync(context, metrics, source, 400, InboundErrorCodes.PayloadInvalid, parsed.Problem!);
        }

        string payload;
        try
        {
            payload = parsed.StoredPayload ?? StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            return await RefuseAsync(context, metrics, source, 400, InboundErrorCodes.PayloadInvalid, "The body is not UTF-8 text.");
        }

        if (payload.Contains('\0', StringComparison.Ordinal))
        {
            return await RefuseAsync(context, metrics, source, 400, InboundErrorCodes.PayloadInvalid, "The body is not UTF-8 text.");
        }

        var receipt = await mediator.Send(
            new ReceiveInboundEventCommand(source.Name, parsed.EventId!, parsed.Type!, request.ContentType, payload), context.RequestAborted);
        metrics.InboundReceived(source.Name, receipt.Duplicate ? "duplicate" : "stored");
        return TypedResults.Ok(receipt);
    }

    private static async Task<IResult> RefuseAsync(HttpContext context, ApplicationMetrics metrics, IInboundSource source, int status, string code, string detail)
    {
        metrics.InboundReceived(source.Name, status == 401 ? "unverified" : "malformed");
        await Problems.WriteAsync(context, status, code, Problems.TitleFor(status), detail);
        return TypedResults.Empty;
    }
}
