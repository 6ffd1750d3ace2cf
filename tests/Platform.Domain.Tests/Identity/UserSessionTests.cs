using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

[TestFixture]
public class UserSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private static readonly DateTimeOffset ExpiresAt = Now + Lifetime;
    private static readonly Guid UserId = Guid.Parse("0b000000-0000-4000-8000-000000000001");

    private static UserSession StartSession() => UserSession.Start(UserId, "hash-1", Now, Lifetime);

    [Test]
    public void Start_PositiveLifetime_ExpiresAtNowPlusLifetime()
    {
        var session = StartSession();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.UserId, Is.EqualTo(UserId));
            Assert.That(session.RefreshTokenHash, Is.EqualTo("hash-1"));
            Assert.That(session.CreatedAt, Is.EqualTo(Now));
            Assert.That(session.LastUsedAt, Is.EqualTo(Now));
            Assert.That(session.ExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero)));
            Assert.That(session.RevokedAt, Is.Null);
            Assert.That(session.IsActive(Now), Is.True);
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Start_NonPositiveLifetime_ThrowsArgumentOutOfRange(int seconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => UserSession.Start(UserId, "hash-1", Now, TimeSpan.FromSeconds(seconds)));

        Assert.That(ex.ParamName, Is.EqualTo("lifetime"));
    }

    [Test]
    public void IsActive_OneSecondBeforeExpiry_IsTrue() =>
        Assert.That(StartSession().IsActive(ExpiresAt.AddSeconds(-1)), Is.True);

    [TestCase(0)]
    [TestCase(1)]
    public void IsActive_AtOrAfterExpiry_IsFalse(int secondsPastExpiry) =>
        Assert.That(StartSession().IsActive(ExpiresAt.AddSeconds(secondsPastExpiry)), Is.False);

    [Test]
    public void IsActive_AfterRevoke_IsFalse()
    {
        var session = StartSession();

        session.Revoke(Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.IsActive(Now.AddMinutes(2)), Is.False);
            Assert.That(session.RevokedAt, Is.EqualTo(Now.AddMinutes(1)));
        }
    }

    [Test]
    public void Revoke_Twice_KeepsTheFirstRevocationTime()
    {
        var session = StartSession();
        session.Revoke(Now.AddMinutes(1));

        session.Revoke(Now.AddMinutes(5));

        Assert.That(session.RevokedAt, Is.EqualTo(Now.AddMinutes(1)));
    }

    [Test]
    public void Rotate_ActiveSession_ReplacesHashAndUpdatesLastUsedAt()
    {
        var session = StartSession();
        var usedAt = Now.AddHours(3);

        session.Rotate("hash-2", usedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.RefreshTokenHash, Is.EqualTo("hash-2"));
            Assert.That(session.LastUsedAt, Is.EqualTo(usedAt));
            Assert.That(session.ExpiresAt, Is.EqualTo(ExpiresAt));
        }
    }

    [Test]
    public void Rotate_RevokedSession_ThrowsInvalidRefreshTokenAndKeepsHash()
    {
        var session = StartSession();
        session.Revoke(Now.AddMinutes(1));

        var ex = Assert.Throws<DomainException>(() => session.Rotate("hash-2", Now.AddMinutes(2)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("auth.invalid_refresh_token"));
            Assert.That(session.RefreshTokenHash, Is.EqualTo("hash-1"));
            Assert.That(session.LastUsedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Rotate_ExpiredSession_ThrowsInvalidRefreshTokenAndKeepsHash()
    {
        var session = StartSession();

        var ex = Assert.Throws<DomainException>(() => session.Rotate("hash-2", ExpiresAt));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("auth.invalid_refresh_token"));
            Assert.That(session.RefreshTokenHash, Is.EqualTo("hash-1"));
            Assert.That(session.LastUsedAt, Is.EqualTo(Now));
        }
    }
}
