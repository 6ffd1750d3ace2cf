using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Platform.Domain.Inbound;

namespace Platform.Domain.Tests.Inbound;

/// <summary>
/// Stripe-style signatures made as Stripe documents them: <c>t=timestamp,v1=signature</c>, where the signature is
/// the hex HMAC-SHA256 of <c>timestamp + "." + payload</c> under the endpoint secret, computed here directly.
/// </summary>
[TestFixture]
public class StripeSignatureVerifierTests
{
    private const string Secret = "whsec_test_stripe_endpoint_secret";
    private const string Body = """{"id":"evt_1","type":"invoice.paid","data":{"object":{"id":"in_1"}}}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static string Sign(string secret, long t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t.ToString(CultureInfo.InvariantCulture)}.{body}")));

    private static InboundVerification Verify(string header, string body = Body, params string[] secrets) =>
        StripeSignatureVerifier.Verify(secrets.Length == 0 ? [Secret] : secrets, header, Encoding.UTF8.GetBytes(body), Now);

    [Test]
    public void A_documented_signature_verifies_and_a_changed_body_does_not()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={Sign(Secret, t, Body)}";

        Assert.That(Verify(header).Verified, Is.True);
        Assert.That(Verify(header, Body.Replace("in_1", "in_2", StringComparison.Ordinal)).Verified, Is.False);
    }

    [Test]
    public void Any_of_several_v1_signatures_verifies_and_v0_is_ignored()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={Sign("an_old_secret", t, Body)},v1={Sign(Secret, t, Body)},v0={Sign(Secret, t, Body)}";
        var onlyV0 = $"t={t},v0={Sign(Secret, t, Body)}";

        Assert.That(Verify(header).Verified, Is.True);
        Assert.That(Verify(onlyV0).Verified, Is.False);
    }

    [Test]
    public void A_signature_older_than_five_minutes_fails_even_when_correct()
    {
        var t = Now.AddMinutes(-6).ToUnixTimeSeconds();

        var result = Verify($"t={t},v1={Sign(Secret, t, Body)}");

        Assert.That(result.Verified, Is.False);
        Assert.That(result.Failure, Does.Contain("tolerance"));
    }

    [TestCase("")]
    [TestCase("v1=00")]
    [TestCase("t=abc,v1=00")]
    [TestCase("t=1764752400")]
    public void A_malformed_header_fails(string header) => Assert.That(Verify(header).Verified, Is.False);
}
