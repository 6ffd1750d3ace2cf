using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Platform.Domain.Inbound;
using StandardWebhooks;

namespace Platform.Domain.Tests.Inbound;

/// <summary>
/// Inbound Standard Webhooks (Resend, Svix) verification against signatures made by an independent implementation,
/// the StandardWebhooks package: the raw body, any configured secret, several signatures, and a 5-minute window.
/// </summary>
[TestFixture]
public class StandardWebhooksVerifierTests
{
    private const string Body = """{"type":"email.bounced","data":{"email_id":"4ef9a417","to":["ann@example.com"]}}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Secret = NewSecret();
    private static readonly string OtherSecret = NewSecret();

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static InboundVerification Verify(IReadOnlyList<string> secrets, string signature, DateTimeOffset? signedAt = null, string body = Body, string id = "msg_2Lq") =>
        StandardWebhooksVerifier.Verify(secrets, id, Seconds(signedAt ?? Now), signature, Encoding.UTF8.GetBytes(body), Now);

    [Test]
    public void A_signature_made_by_the_StandardWebhooks_package_verifies()
    {
        var signature = new StandardWebhook(Secret).Sign("msg_2Lq", Now, Body);

        Assert.That(Verify([Secret], signature).Verified, Is.True);
    }

    [Test]
    public void A_changed_body_or_id_fails()
    {
        var signature = new StandardWebhook(Secret).Sign("msg_2Lq", Now, Body);

        Assert.That(Verify([Secret], signature, body: Body + " ").Verified, Is.False, "one trailing space");
        Assert.That(Verify([Secret], signature, id: "msg_other").Verified, Is.False);
    }

    [Test]
    public void During_a_rotation_either_secret_and_any_of_several_signatures_verify()
    {
        var byOld = new StandardWebhook(OtherSecret).Sign("msg_2Lq", Now, Body);
        var byNew = new StandardWebhook(Secret).Sign("msg_2Lq", Now, Body);

        Assert.That(Verify([Secret, OtherSecret], byOld).Verified, Is.True, "the previous secret still verifies");
        Assert.That(Verify([Secret], $"{byOld} {byNew}").Verified, Is.True, "one matching signature of several is enough");
        Assert.That(Verify([Secret], byOld).Verified, Is.False, "a secret that is not configured does not");
    }

    [TestCase(-301, false)]
    [TestCase(-299, true)]
    [TestCase(299, true)]
    [TestCase(301, false)]
    public void The_timestamp_must_be_within_five_minutes_either_way(int offsetSeconds, bool verified)
    {
        var signedAt = Now.AddSeconds(offsetSeconds);
        var signature = new StandardWebhook(Secret).Sign("msg_2Lq", signedAt, Body);

        Assert.That(Verify([Secret], signature, signedAt).Verified, Is.EqualTo(verified));
    }

    [TestCase(null, "1700000000", "v1,abc")]
    [TestCase("msg_1", null, "v1,abc")]
    [TestCase("msg_1", "1700000000", null)]
    [TestCase("msg_1", "not-a-time", "v1,abc")]
    [TestCase("msg_1", "1700000000", "v2,abc")]
    public void Missing_or_malformed_headers_fail(string? id, string? timestamp, string? signature)
    {
        var result = StandardWebhooksVerifier.Verify([Secret], id, timestamp, signature, Encoding.UTF8.GetBytes(Body), Now);

        Assert.That(result.Verified, Is.False);
        Assert.That(result.Failure, Is.Not.Empty);
    }

    [Test]
    public void Only_whsec_secrets_of_at_least_24_bytes_are_valid()
    {
        Assert.That(StandardWebhooksVerifier.IsValidSecret(Secret), Is.True);
        Assert.That(StandardWebhooksVerifier.IsValidSecret("whsec_" + Convert.ToBase64String(new byte[8])), Is.False);
        Assert.That(StandardWebhooksVerifier.IsValidSecret("whsec_not base64!"), Is.False);
    }
}
