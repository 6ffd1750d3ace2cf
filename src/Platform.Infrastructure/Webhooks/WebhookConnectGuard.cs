using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// The connect-time check, as a <see cref="SocketsHttpHandler.ConnectCallback"/>: it resolves the host itself and
/// connects only to an address that passes <see cref="WebhookAddressRules"/> (or to any address of an allowed host),
/// so the address checked is the address connected to. A name that resolved to a public address when it was
/// registered and to <c>127.0.0.1</c> now (DNS rebinding) is refused here. When every address is refused the request
/// fails with <see cref="WebhookAddressRefusedException"/> inside the <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class WebhookConnectGuard(WebhookAllowedHosts allowedHosts, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve = resolve ?? WebhookHostResolver.ResolveAsync;

    /// <summary>
    /// The handler deliveries go through: this guard connects, redirects are not followed (a redirect is a failed
    /// delivery), and no proxy is used (a proxy would be the address connected to, and it would resolve the host).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var candidates = Candidates(host, await resolve(host, cancellationToken));

        SocketException? last = null;
        foreach (var address in candidates)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    /// <summary>
    /// The addresses a connection may be made to, in the resolver's order: all of them for an allowed host, otherwise
    /// those <see cref="WebhookAddressRules"/> does not refuse.
    /// </summary>
    /// <exception cref="WebhookAddressRefusedException">No address is left.</exception>
    public IReadOnlyList<IPAddress> Candidates(string host, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var candidates = allowedHosts.Contains(host) ? [.. addresses] : addresses.Where(a => !WebhookAddressRules.IsRefused(a)).ToList();
        return candidates.Count > 0
            ? candidates
            : throw new WebhookAddressRefusedException(host, addresses.Count == 0 ? "no address" : WebhookAddressRules.RefusalReason(addresses[0])!);
    }
}
