using System.Net;
using System.Net.Sockets;

namespace Platform.Domain.Webhooks;

/// <summary>
/// Which IP addresses a webhook may never be sent to, in any environment, unless the operator lists the host in
/// <c>Webhooks:AllowedHosts</c>: addresses that reach this machine, its private networks or its cloud's metadata
/// service rather than a receiver on the internet. IPv4 addresses written as IPv6 (mapped <c>::ffff:a.b.c.d</c>,
/// the deprecated compatible <c>::a.b.c.d</c>, and NAT64 <c>64:ff9b::a.b.c.d</c>) are judged as the IPv4 address.
/// </summary>
public static class WebhookAddressRules
{
    private static readonly (IPNetwork Network, string Reason)[] Refused =
    [
        // Metadata first, so the reason names it rather than the wider range it sits in.
        (IPNetwork.Parse("169.254.169.254/32"), "metadata"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "metadata"),
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "cgnat"),
        (IPNetwork.Parse("169.254.0.0/16"), "link_local"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("fe80::/10"), "link_local"),
        (IPNetwork.Parse("fec0::/10"), "site_local"),
        (IPNetwork.Parse("fc00::/7"), "unique_local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    /// <summary>Why the address is refused (<c>loopback</c>, <c>private</c>, <c>metadata</c>, ...), or null when it may be called.</summary>
    public static string? RefusalReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var judged = AsIPv4(address) ?? address;
        foreach (var (network, reason) in Refused)
        {
            if (network.BaseAddress.AddressFamily == judged.AddressFamily && network.Contains(judged))
            {
                return reason;
            }
        }

        return null;
    }

    public static bool IsRefused(IPAddress address) => RefusalReason(address) is not null;

    /// <summary>The IPv4 address an IPv6 address stands for, when it embeds one.</summary>
    private static IPAddress? AsIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        // :: and ::1 are themselves (unspecified, loopback), not the IPv4 addresses 0.0.0.0 and 0.0.0.1.
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return null;
        }

        if (Nat64.Contains(address) || Compatible.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return null;
    }
}
