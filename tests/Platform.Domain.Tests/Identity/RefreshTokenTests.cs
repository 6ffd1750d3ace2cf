using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

[TestFixture]
public class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_token_can_be_exchanged_once()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), "hash", Now);

        token.MarkRotated(Now.AddMinutes(1), [1, 2, 3]);
        var again = Assert.Throws<DomainException>(() => token.MarkRotated(Now.AddMinutes(2), [4]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.IsRotated, Is.True);
            Assert.That(token.RotatedAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(token.SuccessorSalt, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(again!.Code, Is.EqualTo("auth.refresh_token_reused"));
        }
    }

    [TestCase(0, 0, false)]
    [TestCase(0, 10, false)]
    [TestCase(30, 10, true)]
    [TestCase(30, 30, true)]
    [TestCase(30, 31, false)]
    public void The_overlap_window_allows_a_repeat_only_while_it_lasts(int overlapSeconds, int secondsAfterRotation, bool allowed)
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), "hash", Now);
        token.MarkRotated(Now, [1]);

        Assert.That(token.IsWithinOverlap(Now.AddSeconds(secondsAfterRotation), TimeSpan.FromSeconds(overlapSeconds)), Is.EqualTo(allowed));
    }

    [Test]
    public void A_token_that_was_never_exchanged_is_not_in_an_overlap()
    {
        var token = RefreshToken.Issue(Guid.NewGuid(), "hash", Now);

        Assert.That(token.IsWithinOverlap(Now, TimeSpan.FromMinutes(1)), Is.False);
    }
}
