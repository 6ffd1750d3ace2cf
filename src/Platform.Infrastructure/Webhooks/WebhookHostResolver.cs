using System.Net;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// Turns a host into the addresses to judge: an IP literal is itself, a name is asked of DNS. A final dot (the
/// fully qualified form, <c>localhost.</c>) is dropped first: it names the same host, and some resolvers refuse it.
/// </summary>
internal static class WebhookHostResolver
{
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.TrimStart('[').TrimEnd(']').TrimEnd('.');
        return IPAddress.TryParse(bare, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(bare, cancellationToken);
    }
}
