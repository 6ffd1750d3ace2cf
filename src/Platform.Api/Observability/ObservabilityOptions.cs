using System.Net;

namespace Platform.Api.Observability;

/// <summary>
/// Section <c>Observability</c>: who may read <c>/metrics</c> and <c>/health/full</c>, which show the service's
/// internals. Loopback always may (a sidecar, an operator on the host); add the monitoring network, or a bearer token
/// for a scraper outside it. <c>/health</c> and <c>/ready</c> stay open for orchestrators' probes.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    public const int MinTokenLength = 32;

    /// <summary>IP addresses or CIDR ranges, beside loopback, that may read the operator endpoints.</summary>
    public string[] MetricsAllowedNetworks { get; set; } = [];

    /// <summary>A secret a scraper sends as <c>Authorization: Bearer ...</c> from anywhere; at least 32 characters. Unset: no token works.</summary>
    public string? MetricsToken { get; set; }

    /// <summary>The networks, parsed (single addresses as /32 or /128); call after <see cref="Problems"/> found none.</summary>
    public IReadOnlyList<IPNetwork> Networks() =>
        [.. MetricsAllowedNetworks.Select(n => IPNetwork.TryParse(n, out var range) ? range : new IPNetwork(IPAddress.Parse(n), IPAddress.Parse(n).GetAddressBytes().Length * 8))];

    public IEnumerable<string> Problems()
    {
        foreach (var network in MetricsAllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _) && !IPAddress.TryParse(network, out _))
            {
                yield return $"Observability:MetricsAllowedNetworks has '{network}', which is neither an IP address nor a CIDR range such as 10.0.0.0/8.";
            }
        }

        if (MetricsToken is { } token && (token.Length < MinTokenLength || token.Any(char.IsWhiteSpace)))
        {
            yield return $"Observability:MetricsToken must be at least {MinTokenLength} characters without spaces (for example 32 random bytes in base64).";
        }
    }
}
