namespace Platform.Infrastructure.Webhooks;

/// <summary>A delivery was not connected: every address of its host is one webhooks are never sent to.</summary>
public sealed class WebhookAddressRefusedException(string host, string reason)
    : Exception($"Webhooks are not sent to {host}: it resolves only to refused addresses ({reason}).")
{
    public string Host { get; } = host;

    /// <summary>The refused range of the first address found (<c>loopback</c>, <c>private</c>, <c>metadata</c>, ...).</summary>
    public string Reason { get; } = reason;
}
