using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Commands.RecordFailedSignIn;
using Platform.Application.Identity.Commands.StartSession;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.IssueToken;

/// <summary>
/// Sign-in: the back-off and the password check run outside any transaction (hashing is slow, and no pooled
/// connection should wait on it); what it writes goes through its own commands, each one unit of work of the
/// transaction behaviour: <see cref="StartSessionCommand"/> on success, <see cref="RecordFailedSignInCommand"/> for
/// the audit row of a refusal. An account with a second factor gets an <c>mfa_token</c> instead of a session
/// (<see cref="SecondFactorGate"/>).
/// </summary>
internal sealed class IssueTokenCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    ILoginFailureStore failures,
    IMediator mediator,
    SecondFactorGate secondFactor,
    IOptions<AuthOptions> options,
    TimeProvider timeProvider) : IRequestHandler<IssueTokenCommand, TokenDto>
{
    public async Task<TokenDto> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        var now = timeProvider.GetUtcNowMicros();

        // Back-off is checked before the password, so a blocked account costs no hashing and reveals nothing.
        await failures.ThrowIfBlockedAsync(normalized, now, "Too many failed sign-ins for this account.", cancellationToken);

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);

        // Unknown accounts still pay for one hash check, so the response time does not reveal which emails exist.
        var valid = passwordHasher.Verify(user?.PasswordHash ?? passwordHasher.DummyHash, request.Password);
        if (user is null || !valid)
        {
            // The block runs from when the failure is recorded, not from when the request began (the hash check
            // takes a while): a client is never blocked for less than the delay it earned.
            var count = await failures.RecordAsync(normalized, timeProvider.GetUtcNowMicros(), cancellationToken);
            await mediator.Send(new RecordFailedSignInCommand(normalized, user?.Id, user is null ? "unknown_account" : "wrong_password", count), cancellationToken);
            throw new UnauthorizedException(IdentityErrorCodes.InvalidCredentials, "The email or password is wrong.");
        }

        if (user.IsDisabled)
        {
            await mediator.Send(new RecordFailedSignInCommand(normalized, user.Id, "account_disabled", null), cancellationToken);
            throw new ForbiddenException(IdentityErrorCodes.AccountDisabled, "This account is disabled. Contact an administrator.");
        }

        // Checked after the password, so the answer reveals nothing to someone who does not know it.
        if (options.Value.RequireVerifiedEmail && !user.IsEmailVerified)
        {
            await mediator.Send(new RecordFailedSignInCommand(normalized, user.Id, "email_unverified", null), cancellationToken);
            throw new ForbiddenException(
                IdentityErrorCodes.EmailUnverified,
                "Confirm your email address first: use the link in the mail we sent, or ask for a new one with POST /api/v1/auth/email/verify/resend.");
        }

        await failures.ResetAsync(normalized, cancellationToken);
        var deviceName = string.IsNullOrWhiteSpace(request.DeviceName) ? DeviceLabel.FromUserAgent(request.UserAgent) : request.DeviceName;
        await secondFactor.EnsurePassedAsync(user, deviceName, request.UserAgent, cancellationToken);
        return await mediator.Send(new StartSessionCommand(user.Id, normalized, user.PasswordHash, deviceName, request.UserAgent), cancellationToken);
    }
}
