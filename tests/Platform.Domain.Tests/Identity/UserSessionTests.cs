using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

[TestFixture]
public class UserSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly SessionLifetimes Lifetimes = new(TimeSpan.FromDays(14), TimeSpan.FromDays(90));
    private static readonly Guid UserId = Guid.Parse("0b000000-0000-4000-8000-000000000001");

    private static UserSession StartSession(SessionLifetimes? lifetimes = null) =>
        UserSession.Start(UserId, "Firefox on Linux", "Mozilla/5.0", "203.0.113.9", Now, lifetimes ?? Lifetimes);

    [Test]
    public void Start_sets_idle_and_absolute_expiry_from_the_lifetimes()
    {
        var session = StartSession();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.UserId, Is.EqualTo(UserId));
            Assert.That(session.DeviceName, Is.EqualTo("Firefox on Linux"));
            Assert.That(session.CreatedAt, Is.EqualTo(Now));
            Assert.That(session.LastUsedAt, Is.EqualTo(Now));
            Assert.That(session.IdleExpiresAt, Is.EqualTo(Now.AddDays(14)));
            Assert.That(session.AbsoluteExpiresAt, Is.EqualTo(Now.AddDays(90)));
            Assert.That(session.ExpiresAt, Is.EqualTo(Now.AddDays(14)));
            Assert.That(session.RevokedAt, Is.Null);
            Assert.That(session.IsActive(Now), Is.True);
        }
    }

    [Test]
    public void Start_with_a_blank_device_name_uses_a_readable_placeholder_and_long_values_are_cut()
    {
        var session = UserSession.Start(UserId, "  ", new string('u', 600), null, Now, Lifetimes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.DeviceName, Is.EqualTo("Unknown device"));
            Assert.That(session.UserAgent, Has.Length.EqualTo(UserSession.MaxUserAgentLength));
        }
    }

    [Test]
    public void An_idle_session_ends_at_its_idle_expiry_even_before_the_absolute_one()
    {
        var session = StartSession();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.IsActive(Now.AddDays(14).AddTicks(-1)), Is.True);
            Assert.That(session.IsActive(Now.AddDays(14)), Is.False);
        }
    }

    [Test]
    public void Using_a_session_moves_its_idle_expiry_forward()
    {
        var session = StartSession();

        session.Touch(Now.AddDays(10), Lifetimes.Idle, "198.51.100.1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.LastUsedAt, Is.EqualTo(Now.AddDays(10)));
            Assert.That(session.IdleExpiresAt, Is.EqualTo(Now.AddDays(24)));
            Assert.That(session.Ip, Is.EqualTo("198.51.100.1"));
            Assert.That(session.IsActive(Now.AddDays(20)), Is.True);
        }
    }

    [Test]
    public void Use_never_extends_a_session_past_its_absolute_expiry()
    {
        var session = StartSession();
        for (var day = 10; day < 90; day += 10)
        {
            session.Touch(Now.AddDays(day), Lifetimes.Idle, null);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.IdleExpiresAt, Is.EqualTo(Now.AddDays(90)));
            Assert.That(session.IsActive(Now.AddDays(90).AddTicks(-1)), Is.True);
            Assert.That(session.IsActive(Now.AddDays(90)), Is.False);
            Assert.That(session.Ip, Is.EqualTo("203.0.113.9"), "an unknown address keeps the last known one");
        }
    }

    [Test]
    public void An_ended_session_cannot_be_used()
    {
        var session = StartSession();

        var ex = Assert.Throws<DomainException>(() => session.Touch(Now.AddDays(15), Lifetimes.Idle, null));

        Assert.That(ex!.Code, Is.EqualTo("auth.invalid_refresh_token"));
    }

    [Test]
    public void Revoking_ends_the_session_and_keeps_the_first_reason()
    {
        var session = StartSession();

        var first = session.Revoke(Now.AddHours(1), SessionRevokeReason.Logout);
        var second = session.Revoke(Now.AddHours(2), SessionRevokeReason.RevokedByAdmin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(session.RevokedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(session.RevokeReason, Is.EqualTo(SessionRevokeReason.Logout));
            Assert.That(session.IsActive(Now.AddHours(1)), Is.False);
            Assert.Throws<DomainException>(() => session.Touch(Now.AddHours(3), Lifetimes.Idle, null));
        }
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    [TestCase(-1, 1)]
    public void Lifetimes_must_be_positive(int idleDays, int absoluteDays)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionLifetimes(TimeSpan.FromDays(idleDays), TimeSpan.FromDays(absoluteDays)).Validate());
    }
}
