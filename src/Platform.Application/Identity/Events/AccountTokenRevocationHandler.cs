using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Identity.Events;

namespace Platform.Application.Identity.Events;

/// <summary>
/// A password changed by any route (change, reset) kills the account's live reset and email-change tokens, in the same
/// transaction: whoever held the account before the change cannot keep a pending move of it to their own address.
/// Sign-ins waiting for a second factor end too: they passed the old password.
/// </summary>
internal sealed class AccountTokenRevocationHandler(IAccountTokens tokens, IMfaStore mfa) : IDomainEventHandler<PasswordChangedDomainEvent>
{
    public async Task HandleAsync(IReadOnlyList<PasswordChangedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var userId in events.Select(e => e.User.Id).Distinct())
        {
            await tokens.RevokeAsync(userId, [AccountTokenPurpose.PasswordReset, AccountTokenPurpose.EmailChange], cancellationToken);
            await mfa.RevokeChallengesAsync(userId, cancellationToken);
        }
    }
}
