using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Email;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Emails;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.VerifyEmail;

/// <summary>Tries the token as a verification token, then as an email-change token; each try uses it up if it matches.</summary>
internal sealed class VerifyEmailCommandHandler(
    IPlatformDbContext db,
    IAccountTokens tokens,
    IEmailQueue queue,
    IdentityEmails emails,
    EmailVerifier verifier,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<VerifyEmailCommand, UserDto>
{
    public async Task<UserDto> Handle(VerifyEmailCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var hash = AccountToken.Hash(request.Token);
        if (await tokens.UseAsync(hash, AccountTokenPurpose.EmailVerification, now, cancellationToken) is { } verification)
        {
            var user = await LiveUserAsync(verification.UserId, cancellationToken);

            // The token was mailed to the address the account had then; if it has moved since, it proves nothing.
            if (!string.Equals(EmailAddress.Normalize(verification.Email), user.NormalizedEmail, StringComparison.Ordinal))
            {
                throw Invalid();
            }

            verifier.Verify(user, "token", now);

            // The address's owner has just shown up: a move of the account someone asked for before is dropped.
            await tokens.RevokeAsync(user.Id, [AccountTokenPurpose.EmailChange], cancellationToken);
            return mapper.Map<UserDto>(user);
        }

        if (await tokens.UseAsync(hash, AccountTokenPurpose.EmailChange, now, cancellationToken) is { } change)
        {
            var user = await LiveUserAsync(change.UserId, cancellationToken);
            var old = user.ChangeEmail(change.Email, now);
            await tokens.RevokeAsync(user.Id, [AccountTokenPurpose.EmailVerification, AccountTokenPurpose.PasswordReset], cancellationToken);
            verifier.Verify(user, "email_change", now, grantsBootstrapAdmin: false);
            AuditLog.Add(
                db, currentUser, requestContext, now, "users.email_changed", "user", user.Id, AuditOutcome.Succeeded,
                new { old_email = old, new_email = user.Email },
                actorId: user.Id);
            await queue.EnqueueAsync(new EmailDraft(IdentityEmails.EmailChanged, old, emails.EmailChangedMail(user.DisplayName, user.Email, now)), cancellationToken);
            return mapper.Map<UserDto>(user);
        }

        throw Invalid();
    }

    private async Task<User> LiveUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.DisabledAt == null, cancellationToken) ?? throw Invalid();

    private static BadRequestException Invalid() =>
        new(IdentityErrorCodes.TokenInvalid, "The token is wrong, expired, already used or replaced by a newer one. Ask for a new mail.");
}
