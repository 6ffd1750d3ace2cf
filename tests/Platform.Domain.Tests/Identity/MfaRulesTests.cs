using NUnit.Framework;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

public sealed class MfaRulesTests
{
    [TestCase("123456", true)]
    [TestCase("000000", true)]
    [TestCase("12345", false)]
    [TestCase("1234567", false)]
    [TestCase("12345a", false)]
    [TestCase("１２３４５６", false)]
    [TestCase(null, false)]
    public void A_code_is_six_ascii_digits(string? code, bool wellFormed) => Assert.That(MfaRules.IsWellFormedTotpCode(code), Is.EqualTo(wellFormed));
}
