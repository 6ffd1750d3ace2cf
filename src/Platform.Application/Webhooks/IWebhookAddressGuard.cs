namespace Platform.Application.Webhooks;

/// <summary>
/// Where a webhook may be sent, checked when a URL is registered: the host (an IP literal, or every address its name
/// resolves to) against <see cref="Domain.Webhooks.WebhookAddressRules"/>, unless the host is in
/// <see cref="WebhookOptions.AllowedHosts"/>. Delivery checks again, on the address it actually connects to.
/// </summary>
public interface IWebhookAddressGuard
{
    /// <summary>Why the URL's host may not be called (a sentence for the client), or null when it may.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
