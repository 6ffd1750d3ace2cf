using NUnit.Framework;
using Platform.Domain.Identity;
using Platform.Domain.Identity.Events;

namespace Platform.Domain.Tests.Identity;

public class IdentityDomainEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly SessionLifetimes Lifetimes = new(TimeSpan.FromDays(14), TimeSpan.FromDays(90));

    [Test]
    public void Revoke_RaisesRevokedWithTheReason_OnlyTheFirstTime()
    {
        var session = UserSession.Start(Guid.CreateVersion7(), "Firefox", null, null, Now, Lifetimes);

        session.Revoke(Now.AddMinutes(1), SessionRevokeReason.RefreshTokenReused);
        session.Revoke(Now.AddMinutes(2), SessionRevokeReason.Logout);

        Assert.That(session.DomainEvents, Is.EqualTo(new object[]
        {
            new SessionRevokedDomainEvent(session, SessionRevokeReason.RefreshTokenReused, Now.AddMinutes(1)),
        }));
    }

    [Test]
    public void ChangePasswordHash_RaisesPasswordChanged()
    {
        var user = User.Register("ada@example.com", "Ada", "hash-1", Now);

        user.ChangePasswordHash("hash-2", Now.AddDays(1));

        Assert.That(user.DomainEvents, Is.EqualTo(new object[] { new PasswordChangedDomainEvent(user, Now.AddDays(1)) }));
    }

    [Test]
    public void Disable_RaisesDisabled_OnlyWhenItWasEnabled()
    {
        var user = User.Register("ada@example.com", "Ada", "hash-1", Now);

        user.Disable(Now.AddDays(1));
        user.Disable(Now.AddDays(2));

        Assert.That(user.DomainEvents, Is.EqualTo(new object[] { new UserDisabledDomainEvent(user, Now.AddDays(1)) }));
    }
}
