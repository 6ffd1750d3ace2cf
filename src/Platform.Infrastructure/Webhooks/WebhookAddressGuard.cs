using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// The registration check: a URL whose host is an IP literal webhooks are never sent to, or a name that resolves to
/// one (any of its addresses), is refused, unless the host is allowed. A name that does not resolve (yet) is accepted:
/// the connection is checked again at every delivery (<see cref="WebhookConnectGuard"/>), which is what stops DNS
/// rebinding; this check only tells the admin early.
/// </summary>
internal sealed class WebhookAddressGuard(WebhookAllowedHosts allowedHosts, IOptions<WebhookOptions> options) : IWebhookAddressGuard
{
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost;
        if (allowedHosts.Contains(host))
        {
            return null;
        }

        IPAddress[] addresses;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(options.Value.ResolveTimeout);
            try
            {
                addresses = await WebhookHostResolver.ResolveAsync(host, timeout.Token);
            }
            catch (SocketException)
            {
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        foreach (var address in addresses)
        {
            if (WebhookAddressRules.RefusalReason(address) is { } reason)
            {
                var how = IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out _) ? "is" : $"resolves to {address}, which is";
                return $"Webhooks are not sent to {host}: it {how} a {reason.Replace('_', ' ')} address. An operator can allow the host in Webhooks:AllowedHosts.";
            }
        }

        return null;
    }
}
