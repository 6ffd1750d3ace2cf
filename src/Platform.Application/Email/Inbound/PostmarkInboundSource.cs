using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Application.Common.Inbound;
using Platform.Domain.Inbound;

namespace Platform.Application.Email.Inbound;

/// <summary>
/// Postmark's webhooks (bounce, spam complaint, subscription change, delivery), verified by the HTTP Basic credentials
/// Postmark sends (<c>Email:Webhooks:Postmark</c>). The event id is the record type with Postmark's <c>ID</c> when the
/// payload has one, else a SHA-256 of the body (Postmark retries the same body). A bounce's <c>Content</c> (the full
/// returned message, which may carry a sign-in code) is dropped before the event is stored.
/// </summary>
internal sealed class PostmarkInboundSource(IOptions<EmailOptions> options) : IInboundSource
{
    public string Name => PostmarkEvents.Provider;

    public string Path => "/api/v1/email/webhooks/postmark";

    public bool IsConfigured => options.Value.Webhooks.Postmark.IsConfigured;

    public InboundVerification Verify(InboundRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = options.Value.Webhooks.Postmark;
        return BasicCredentialsVerifier.Verify(credentials.Username!, credentials.Password!, request.Header("Authorization"));
    }

    public InboundParseResult Parse(InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(request.Body.Span);
        }
        catch (JsonException)
        {
            return InboundParseResult.Malformed("The body is not JSON.");
        }

        if (node is not JsonObject payload)
        {
            return InboundParseResult.Malformed("The body is not a JSON object.");
        }

        var dropped = payload.Remove("Content");
        using var document = JsonDocument.Parse(payload.ToJsonString());
        var root = document.RootElement;
        var recordType = root.TryGetProperty("RecordType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        var eventId = root.TryGetProperty("ID", out var id) && id.ValueKind == JsonValueKind.Number
            ? $"{recordType}:{id.GetRawText()}"
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));
        var reading = PostmarkEvents.Interpret(root, eventId, DateTimeOffset.UnixEpoch);
        if (reading.Problem is not null)
        {
            return InboundParseResult.Malformed(reading.Problem);
        }

        return InboundParseResult.Event(eventId, recordType!, dropped ? payload.ToJsonString() : null);
    }
}
