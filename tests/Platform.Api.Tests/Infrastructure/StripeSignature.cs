using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// Signs a body as Stripe documents it ("Verify manually"): the signed payload is the timestamp, a dot and the raw
/// body; the signature is its HMAC-SHA256 under the endpoint secret, in lower-case hex, sent as <c>t=...,v1=...</c>.
/// </summary>
public static class StripeSignature
{
    public static string Header(string body, DateTimeOffset at, params string[] secrets)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signatures = secrets.Select(secret =>
            "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))));
        return $"t={t},{string.Join(",", signatures)}";
    }
}
