using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Application.Common.Inbound;
using Platform.Domain.Inbound;

namespace Platform.Application.Email.Inbound;

/// <summary>
/// Resend's webhooks, signed by Svix (Standard Webhooks) with <c>Email:Webhooks:Resend:Secret</c> (and during a
/// rotation <c>PreviousSecret</c>). The event id is the <c>svix-id</c> header, which Resend keeps across retries.
/// </summary>
internal sealed class ResendInboundSource(IOptions<EmailOptions> options) : IInboundSource
{
    public string Name => ResendEvents.Provider;

    public string Path => "/api/v1/email/webhooks/resend";

    public bool IsConfigured => options.Value.Webhooks.Resend.IsConfigured;

    public InboundVerification Verify(InboundRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StandardWebhooksVerifier.Verify(
            options.Value.Webhooks.Resend.Secrets,
            Header(request, "id"),
            Header(request, "timestamp"),
            Header(request, "signature"),
            request.Body.Span,
            now);
    }

    public InboundParseResult Parse(InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            return InboundParseResult.Malformed("The body is not JSON.");
        }

        using (document)
        {
            var eventId = Header(request, "id")!;
            var reading = ResendEvents.Interpret(document.RootElement, eventId, DateTimeOffset.UnixEpoch);
            return reading.Problem is not null
                ? InboundParseResult.Malformed(reading.Problem)
                : InboundParseResult.Event(eventId, document.RootElement.GetProperty("type").GetString()!);
        }
    }

    /// <summary>Svix sends <c>svix-*</c> headers; the Standard Webhooks spelling <c>webhook-*</c> is accepted too.</summary>
    private static string? Header(InboundRequest request, string name) =>
        request.Header($"svix-{name}") ?? request.Header($"webhook-{name}");
}
