using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// The hosts an operator allows although they resolve to refused addresses (<c>Webhooks:AllowedHosts</c>): a URL's
/// host is compared with each entry without regard to case, IPv6 brackets ignored. Only the host as written counts: an
/// allowed <c>127.0.0.1</c> does not allow <c>localhost</c>.
/// </summary>
internal sealed class WebhookAllowedHosts(IOptions<WebhookOptions> options)
{
    private readonly HashSet<string> hosts = new(options.Value.AllowedHosts.Select(Normalise), StringComparer.OrdinalIgnoreCase);

    public bool Contains(string host) => hosts.Contains(Normalise(host));

    private static string Normalise(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.');
}
