using NUnit.Framework;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

[TestFixture]
public class EmailAddressTests
{
    private const string Domain = "@example.com";

    [TestCase("user@example.com")]
    [TestCase("first.last+tag@mail.example.co.uk")]
    [TestCase("  padded@example.com ")]
    public void IsValid_NormalAddress_IsTrue(string email) =>
        Assert.That(EmailAddress.IsValid(email), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("user.example.com")]
    [TestCase("us er@example.com")]
    [TestCase("user@localhost")]
    [TestCase("<ada@example.com>")]
    [TestCase("Ada<ada@example.com>")]
    public void IsValid_MalformedAddress_IsFalse(string? email) =>
        Assert.That(EmailAddress.IsValid(email), Is.False);

    [Test]
    public void IsValid_Exactly254Characters_IsTrue()
    {
        var email = new string('a', 254 - Domain.Length) + Domain;

        Assert.That(EmailAddress.IsValid(email), Is.True);
    }

    [Test]
    public void IsValid_255Characters_IsFalse()
    {
        var email = new string('a', 255 - Domain.Length) + Domain;

        Assert.That(EmailAddress.IsValid(email), Is.False);
    }
}
