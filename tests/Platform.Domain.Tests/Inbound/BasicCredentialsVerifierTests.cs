using System.Text;
using NUnit.Framework;
using Platform.Domain.Inbound;

namespace Platform.Domain.Tests.Inbound;

/// <summary>HTTP Basic credentials, as Postmark sends them on its webhooks.</summary>
[TestFixture]
public class BasicCredentialsVerifierTests
{
    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Test]
    public void The_configured_user_and_password_pass()
    {
        Assert.That(BasicCredentialsVerifier.Verify("postmark", "s3cret:with:colons", Basic("postmark", "s3cret:with:colons")).Verified, Is.True);
    }

    [TestCase("postmark", "wrong")]
    [TestCase("other", "s3cret")]
    [TestCase("postmark", "")]
    public void Wrong_credentials_fail(string user, string password) =>
        Assert.That(BasicCredentialsVerifier.Verify("postmark", "s3cret", Basic(user, password)).Verified, Is.False);

    [TestCase(null)]
    [TestCase("Bearer abc")]
    [TestCase("Basic !!!")]
    [TestCase("Basic cG9zdG1hcms=")]
    public void Missing_or_malformed_credentials_fail(string? header) =>
        Assert.That(BasicCredentialsVerifier.Verify("postmark", "s3cret", header).Verified, Is.False);
}
