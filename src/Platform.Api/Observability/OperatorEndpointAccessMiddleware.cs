using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Api.Http;

namespace Platform.Api.Observability;

/// <summary>
/// Lets a request reach an operator endpoint (<see cref="OperatorEndpointMetadata"/>: <c>/metrics</c>,
/// <c>/health/full</c>) when it comes from loopback (or has no network peer: a Unix socket) or an allowed network (the client address after trusted proxies),
/// or carries the metrics token; anything else is 403 before the endpoint runs. The token is compared as SHA-256
/// digests in constant time.
/// </summary>
internal sealed class OperatorEndpointAccessMiddleware
{
    private readonly RequestDelegate next;
    private readonly IReadOnlyList<IPNetwork> networks;
    private readonly byte[]? tokenDigest;

    public OperatorEndpointAccessMiddleware(RequestDelegate next, IOptions<ObservabilityOptions> options)
    {
        this.next = next;
        networks = options.Value.Networks();
        tokenDigest = string.IsNullOrEmpty(options.Value.MetricsToken) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.MetricsToken));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OperatorEndpointMetadata>() is null || Allowed(context))
        {
            await next(context);
            return;
        }

        await Problems.WriteAsync(
            context, 403, ProblemCodes.Forbidden, "Forbidden",
            "This endpoint is open to the monitoring network only: see Observability:MetricsAllowedNetworks and Observability:MetricsToken.");
    }

    private bool Allowed(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            // No network peer: a Unix socket or an in-process server, reachable only from this machine, like loopback.
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address)))
        {
            return true;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (tokenDigest is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(offered, tokenDigest);
    }
}
