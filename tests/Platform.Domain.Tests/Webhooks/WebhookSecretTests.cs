using NUnit.Framework;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

[TestFixture]
public class WebhookSecretTests
{
    [Test]
    public void Generate_IsWhsecAndTheBase64Of32RandomBytes()
    {
        var secret = WebhookSecret.Generate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.Value, Does.StartWith("whsec_"));
            Assert.That(Convert.FromBase64String(secret.Value["whsec_".Length..]), Has.Length.EqualTo(32));
            Assert.That(secret.Key.ToArray(), Is.EqualTo(Convert.FromBase64String(secret.Value["whsec_".Length..])));
            Assert.That(WebhookSecret.Generate().Value, Is.Not.EqualTo(secret.Value));
        }
    }

    [Test]
    public void Parse_AGeneratedValue_GivesTheSameKey()
    {
        var secret = WebhookSecret.Generate();

        var parsed = WebhookSecret.Parse(secret.Value);

        Assert.That(parsed.Key.ToArray(), Is.EqualTo(secret.Key.ToArray()));
    }

    [TestCase("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", TestName = "Parse_NoPrefix_IsRefused")]
    [TestCase("whsec_not base64!", TestName = "Parse_NotBase64_IsRefused")]
    [TestCase("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Parse_21Bytes_IsRefused")]
    [TestCase("whsec_", TestName = "Parse_Empty_IsRefused")]
    public void Parse_Malformed_IsRefused(string value)
    {
        Assert.Throws<FormatException>(() => WebhookSecret.Parse(value));
    }

    [Test]
    public void ToString_NeverShowsTheValue()
    {
        var secret = WebhookSecret.Generate();

        Assert.That($"{secret}", Is.EqualTo("whsec_[redacted]"));
    }
}
