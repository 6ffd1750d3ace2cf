namespace Platform.Api.Http;

/// <summary>
/// The client part of a per-IP key. An IPv6 client is keyed by its /64 network: one subscriber usually holds a whole
/// /64, and keying by the full address would let them rotate addresses past every per-IP limit.
/// </summary>
internal static class ClientKey
{
    public static string Of(string? ip)
    {
        if (ip is null || !System.Net.IPAddress.TryParse(ip, out var address))
        {
            return ip ?? "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new System.Net.IPAddress(bytes)}/64";
    }
}
