using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.IssueToken;

internal sealed class IssueTokenCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    ITokenService tokens,
    ILoginFailureStore failures,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IOptions<AuthOptions> options,
    TimeProvider timeProvider) : IRequestHandler<IssueTokenCommand, TokenDto>
{
    /// <summary>A run of failures older than this is forgotten: the back-off starts again from the beginning.</summary>
    private static readonly TimeSpan ForgetFailuresAfter = TimeSpan.FromHours(24);

    public async Task<TokenDto> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        var now = timeProvider.GetUtcNowMicros();

        // Back-off is checked before the password, so a blocked account costs no hashing and reveals nothing.
        if (await failures.BlockedUntilAsync(normalized, now, cancellationToken) is { } blockedUntil)
        {
            var wait = blockedUntil - now;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            throw new TooManyRequestsException(
                ErrorCodes.AuthLoginBackoff,
                $"Too many failed sign-ins for this account. Retry in {seconds} second{(seconds == 1 ? string.Empty : "s")}.",
                wait);
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);

        // Unknown accounts still pay for one hash check, so the response time does not reveal which emails exist.
        var valid = passwordHasher.Verify(user?.PasswordHash ?? passwordHasher.DummyHash, request.Password);
        if (user is null || !valid)
        {
            var count = await failures.RecordFailureAsync(normalized, now, ForgetFailuresAfter, LoginBackoff.DelayAfter, cancellationToken);
            AuditLog.Add(
                db, currentUser, requestContext, now, "auth.login_failed", "user", user?.Id, AuditOutcome.Failed,
                new { email = normalized, reason = user is null ? "unknown_account" : "wrong_password", consecutive_failures = count },
                actorId: user?.Id);
            await db.SaveChangesAsync(cancellationToken);
            throw new UnauthorizedException(ErrorCodes.AuthInvalidCredentials, "The email or password is wrong.");
        }

        if (user.IsDisabled)
        {
            AuditLog.Add(db, currentUser, requestContext, now, "auth.login_failed", "user", user.Id, AuditOutcome.Failed, new { email = normalized, reason = "account_disabled" }, actorId: user.Id);
            await db.SaveChangesAsync(cancellationToken);
            throw new ForbiddenException(ErrorCodes.AuthAccountDisabled, "This account is disabled. Contact an administrator.");
        }

        await failures.ResetAsync(normalized, cancellationToken);

        var settings = options.Value;
        var deviceName = string.IsNullOrWhiteSpace(request.DeviceName) ? DeviceLabel.FromUserAgent(request.UserAgent) : request.DeviceName;
        var session = UserSession.Start(user.Id, deviceName, request.UserAgent, currentUser.ClientIp, now, settings.SessionLifetimes);
        var refresh = tokens.CreateRefreshToken();
        db.UserSessions.Add(session);
        db.RefreshTokens.Add(Domain.Identity.RefreshToken.Issue(session.Id, refresh.Hash, now));
        AuditLog.Add(db, currentUser, requestContext, now, "auth.login_succeeded", "session", session.Id, AuditOutcome.Succeeded, new { email = normalized, device_name = session.DeviceName }, actorId: user.Id);

        // A short transaction that share-locks the account: a disable or password change that is committing waits
        // for it or is waited for, so a sign-in that checked the old state cannot leave a session behind it.
        var strategy = db.Database.CreateExecutionStrategy();
        var stillValid = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var current = await db.Database
                .SqlQuery<AccountState>($"SELECT password_hash, disabled_at FROM users WHERE id = {user.Id} FOR SHARE")
                .FirstOrDefaultAsync(ct);
            if (current is null || current.DisabledAt is not null || current.PasswordHash != user.PasswordHash)
            {
                return false;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
        if (!stillValid)
        {
            throw new UnauthorizedException(ErrorCodes.AuthInvalidCredentials, "The email or password is wrong.");
        }

        var access = tokens.CreateAccessToken(user, session.Id);
        return new TokenDto(access.Token, "Bearer", access.ExpiresInSeconds, refresh.Token, session.Id);
    }

    private sealed record AccountState(string PasswordHash, DateTimeOffset? DisabledAt);
}
