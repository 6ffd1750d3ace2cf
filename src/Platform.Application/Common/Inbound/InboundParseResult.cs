namespace Platform.Application.Common.Inbound;

/// <summary>
/// What a source made of a verified body: the provider's event id and type, or why it is not an event it understands.
/// <see cref="StoredPayload"/>, when set, is what the inbox keeps instead of the body: a source drops parts that must
/// not be stored (such as a bounced message's full content, which may carry a sign-in code).
/// </summary>
public sealed record InboundParseResult(string? EventId, string? Type, string? Problem, string? StoredPayload = null)
{
    public bool IsValid => Problem is null;

    public static InboundParseResult Event(string eventId, string type, string? storedPayload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new(eventId, type, null, storedPayload);
    }

    public static InboundParseResult Malformed(string problem) => new(null, null, problem);
}
