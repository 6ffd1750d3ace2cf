using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

internal static class AccountMailRequests
{
    /// <summary>
    /// Adds an <c>identity.account_mail_requested</c> row to the unit of work: the same single insert whether or not an
    /// account uses the address. Its handler looks the account up and mails.
    /// </summary>
    public static void RequestAccountMail(this IPlatformDbContext db, string kind, string email, TimeProvider timeProvider, Guid? userId = null)
    {
        var now = timeProvider.GetUtcNowMicros();
        db.AddIntegrationEvent(IntegrationEventTypes.IdentityAccountMailRequested, new AccountMailRequestDto(kind, EmailAddress.Clean(email), userId), now, now);
    }
}
