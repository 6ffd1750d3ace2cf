namespace Platform.Api.Configuration;

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> (and <c>X-Forwarded-Proto</c>) the API believes: IP addresses or
/// CIDR ranges. A request from any other peer is taken at its socket address, whatever headers it sends.
/// </summary>
public sealed class NetworkOptions
{
    public const string SectionName = "Network";

    public string[] TrustedProxies { get; set; } = [];
}
