using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Identity.Events;

namespace Platform.Application.Identity.Events;

/// <summary>A password changed by any route (change, reset) kills the account's live reset token, in the same transaction.</summary>
internal sealed class AccountTokenRevocationHandler(IAccountTokens tokens) : IDomainEventHandler<PasswordChangedDomainEvent>
{
    public async Task HandleAsync(IReadOnlyList<PasswordChangedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var userId in events.Select(e => e.User.Id).Distinct())
        {
            await tokens.RevokeAsync(userId, [AccountTokenPurpose.PasswordReset], cancellationToken);
        }
    }
}
