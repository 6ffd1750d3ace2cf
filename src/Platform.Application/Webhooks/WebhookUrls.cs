using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>Turns a URL a client sent into one an endpoint may hold: its shape for this environment, then where its host leads.</summary>
internal sealed class WebhookUrls(IWebhookAddressGuard guard, IOptions<WebhookOptions> options)
{
    /// <exception cref="Domain.Common.DomainException">The shape is wrong (400 validation.failed on url).</exception>
    /// <exception cref="BadRequestException">The host is refused (400 webhooks.url_not_allowed).</exception>
    public async Task<Uri> CheckAsync(string url, CancellationToken cancellationToken)
    {
        var uri = WebhookUrlRules.Check(url, options.Value.RequireHttps);
        if (await guard.RefusalAsync(uri, cancellationToken) is { } refusal)
        {
            throw new BadRequestException(WebhookErrorCodes.UrlNotAllowed, refusal);
        }

        return uri;
    }
}
