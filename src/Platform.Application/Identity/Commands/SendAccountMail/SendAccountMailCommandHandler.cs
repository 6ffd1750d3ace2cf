using System.Globalization;
using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Emails;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.SendAccountMail;

/// <summary>
/// The lookup, the token and the mail of every account mail, done here rather than in the request so that the
/// request's answer and time are the same for every address. Returns whether a mail was queued.
/// </summary>
internal sealed class SendAccountMailCommandHandler(
    IPlatformDbContext db,
    IAccountTokens tokens,
    IOneTimeCodes codes,
    IMfaStore mfa,
    IEmailQueue queue,
    IdentityEmails emails,
    IOptions<AuthOptions> options) : IRequestHandler<SendAccountMailCommand, bool>
{
    public async Task<bool> Handle(SendAccountMailCommand request, CancellationToken cancellationToken)
    {
        var ask = request.Request;
        var normalized = EmailAddress.Normalize(ask.Email);
        if (await db.EmailSuppressions.AnyAsync(s => s.Email == normalized, cancellationToken))
        {
            return false;
        }

        return ask.Kind switch
        {
            AccountMailKinds.EmailChange => await EmailChangeAsync(ask.UserId!.Value, ask.Email, normalized, request, cancellationToken),
            _ when AccountMailKinds.MfaNotices.Contains(ask.Kind, StringComparer.Ordinal) => await MfaNoticeAsync(ask.Kind, ask.UserId!.Value, request, cancellationToken),
            _ => await ForAccountAsync(ask.Kind, normalized, request, cancellationToken),
        };
    }

    /// <summary>A notice about the second factor, to the account's address now (even a disabled account hears of it).</summary>
    private async Task<bool> MfaNoticeAsync(string kind, Guid userId, SendAccountMailCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        var at = request.RequestedAt;
        var (template, content) = kind switch
        {
            AccountMailKinds.MfaEnabled => (IdentityEmails.MfaEnabled, emails.MfaEnabledMail(user.DisplayName, at)),
            AccountMailKinds.MfaDisabled => (IdentityEmails.MfaDisabled, emails.MfaDisabledMail(user.DisplayName, at)),
            AccountMailKinds.MfaReset => (IdentityEmails.MfaReset, emails.MfaResetMail(user.DisplayName, at)),
            _ => (IdentityEmails.MfaRecoveryCodeUsed, emails.MfaRecoveryCodeUsedMail(user.DisplayName, (await mfa.FindAsync(userId, cancellationToken))?.RecoveryCodesRemaining ?? 0, at)),
        };
        return await QueueAsync(template, user.Email, content, request, cancellationToken);
    }

    private async Task<bool> ForAccountAsync(string kind, string normalized, SendAccountMailCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.DisabledAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailVerifiedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        var settings = options.Value;
        var at = request.RequestedAt;
        switch (kind)
        {
            case AccountMailKinds.OneTimeCode:
            {
                var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                return await codes.ReplaceAsync(user.Id, code, at, at + OneTimeCodeRules.Lifetime, cancellationToken)
                    && await QueueAsync(IdentityEmails.OneTimeCode, user.Email, emails.OneTimeCodeMail(user.DisplayName, code, OneTimeCodeRules.Lifetime), request, cancellationToken);
            }

            case AccountMailKinds.EmailVerification when user.EmailVerifiedAt is null:
            {
                var (token, hash) = AccountToken.Create();
                var lifetime = settings.EmailVerificationTokenLifetime;
                return await tokens.ReplaceAsync(user.Id, AccountTokenPurpose.EmailVerification, hash, user.Email, at, at + lifetime, cancellationToken)
                    && await QueueAsync(IdentityEmails.EmailVerification, user.Email, emails.EmailVerificationMail(user.DisplayName, token, lifetime), request, cancellationToken);
            }

            case AccountMailKinds.PasswordReset:
            {
                var (token, hash) = AccountToken.Create();
                var lifetime = settings.PasswordResetTokenLifetime;
                return await tokens.ReplaceAsync(user.Id, AccountTokenPurpose.PasswordReset, hash, user.Email, at, at + lifetime, cancellationToken)
                    && await QueueAsync(IdentityEmails.PasswordReset, user.Email, emails.PasswordResetMail(user.DisplayName, token, lifetime), request, cancellationToken);
            }

            default:
                return false;
        }
    }

    private async Task<bool> EmailChangeAsync(Guid userId, string newEmail, string normalized, SendAccountMailCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DisabledAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        // A redelivery after the move was made finds the account at the address already: nothing to send.
        if (string.Equals(EmailAddress.Normalize(user.Email), normalized, StringComparison.Ordinal))
        {
            return false;
        }

        // The requester is never told whether another account uses the address; its owner is.
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return await QueueAsync(IdentityEmails.EmailChangeTaken, newEmail, emails.EmailChangeTakenMail(), request, cancellationToken);
        }

        var (token, hash) = AccountToken.Create();
        var lifetime = options.Value.EmailVerificationTokenLifetime;
        var at = request.RequestedAt;
        return await tokens.ReplaceAsync(user.Id, AccountTokenPurpose.EmailChange, hash, EmailAddress.Clean(newEmail), at, at + lifetime, cancellationToken)
            && await QueueAsync(IdentityEmails.EmailChange, newEmail, emails.EmailChangeMail(user.DisplayName, user.Email, token, lifetime), request, cancellationToken);
    }

    private async Task<bool> QueueAsync(string template, string recipient, EmailContent content, SendAccountMailCommand request, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(new EmailDraft(template, recipient, content, request.MessageId), cancellationToken);
        return true;
    }
}
