using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Identity.Commands.RecordFailedSignIn;
using Platform.Application.Identity.Commands.StartSession;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.VerifyOneTimeCode;

/// <summary>
/// A wrong, expired, used or exhausted code, or an unknown address, all get the same 401, so the answer tells an
/// attacker nothing; a wrong code counts against the live one, and the fifth kills it.
/// </summary>
internal sealed class VerifyOneTimeCodeCommandHandler(
    IPlatformDbContext db,
    IOneTimeCodes codes,
    IMediator mediator,
    SecondFactorGate secondFactor,
    TimeProvider timeProvider)
    : IRequestHandler<VerifyOneTimeCodeCommand, TokenDto>
{
    public async Task<TokenDto> Handle(VerifyOneTimeCodeCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var now = timeProvider.GetUtcNowMicros();
        if (user is null || !await codes.SpendAsync(user.Id, request.Code, now, cancellationToken))
        {
            if (user is not null)
            {
                await codes.RecordFailureAsync(user.Id, now, cancellationToken);
            }

            await mediator.Send(new RecordFailedSignInCommand(normalized, user?.Id, user is null ? "unknown_account" : "wrong_one_time_code", null), cancellationToken);
            throw new UnauthorizedException(
                IdentityErrorCodes.OtpInvalid,
                "The code is wrong, expired or already used. Request a new one with POST /api/v1/auth/otp/request.");
        }

        var deviceName = string.IsNullOrWhiteSpace(request.DeviceName) ? DeviceLabel.FromUserAgent(request.UserAgent) : request.DeviceName;

        // The mailed code is one factor, like a password: an account with a second factor still needs it. A disabled
        // account gets no mfa_token; the session start below refuses it.
        if (!user.IsDisabled)
        {
            await secondFactor.EnsurePassedAsync(user, deviceName, request.UserAgent, cancellationToken);
        }

        return await mediator.Send(new StartSessionCommand(user.Id, normalized, user.PasswordHash, deviceName, request.UserAgent), cancellationToken);
    }
}
