using NUnit.Framework;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

public sealed class RecoveryCodeTests
{
    [TestCase("abcd-efgh-jkmn-pqrs")]
    [TestCase("ABCD EFGH JKMN PQRS")]
    [TestCase("abcdefghjkmnpqrs")]
    [TestCase(" abcd-efgh-jkmn-pqrs ")]
    public void Codes_are_read_whatever_the_case_spaces_and_hyphens(string typed)
    {
        Assert.That(RecoveryCode.IsWellFormed(typed), Is.True);
        Assert.That(RecoveryCode.Normalize(typed), Is.EqualTo("abcdefghjkmnpqrs"));
    }

    [TestCase("")]
    [TestCase("abcd-efgh-jkmn")]
    [TestCase("abcd-efgh-jkmn-pqrst")]
    [TestCase("abcd-efgh-jkmn-pqr1")]
    [TestCase("abcd-efgh-jkmn-pqr0")]
    [TestCase("abcd-efgh-jkmn-pqrl")]
    [TestCase("abcd_efgh_jkmn_pqrs")]
    public void Anything_else_is_not_a_code(string typed) => Assert.That(RecoveryCode.IsWellFormed(typed), Is.False);

    [Test]
    public void Long_input_and_no_input_are_refused_before_they_are_normalised()
    {
        Assert.That(RecoveryCode.IsWellFormed(new string('-', 40) + "abcdefghjkmnpqrs"), Is.False);
        Assert.That(RecoveryCode.IsWellFormed(null), Is.False);
    }

    [Test]
    public void Only_a_whole_code_can_be_shown() => Assert.Throws<ArgumentException>(() => RecoveryCode.Format("abcd-efgh"));

    [Test]
    public void A_code_is_shown_in_four_groups() =>
        Assert.That(RecoveryCode.Format("abcdefghjkmnpqrs"), Is.EqualTo("abcd-efgh-jkmn-pqrs"));

    [Test]
    public void The_alphabet_has_32_letters_without_look_alikes()
    {
        Assert.That(RecoveryCode.Alphabet.Distinct().Count(), Is.EqualTo(32), "5 bits a character: 16 characters are 80 bits");
        Assert.That(RecoveryCode.Alphabet.Intersect("lo01"), Is.Empty);
    }
}
