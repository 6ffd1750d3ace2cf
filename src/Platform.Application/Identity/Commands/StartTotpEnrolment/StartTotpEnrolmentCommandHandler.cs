using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.StartTotpEnrolment;

internal sealed class StartTotpEnrolmentCommandHandler(IPlatformDbContext db, IMfaStore mfa, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<StartTotpEnrolmentCommand, TotpEnrolmentDto>
{
    public async Task<TotpEnrolmentDto> Handle(StartTotpEnrolmentCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var userId = await MfaEnrolmentCaller.ResolveAsync(request.MfaToken, currentUser, mfa, now, cancellationToken);
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.DisabledAt == null).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists or is disabled.");
        var setup = await mfa.StartEnrolmentAsync(userId, email, now, cancellationToken)
            ?? throw new ConflictException(
                IdentityErrorCodes.MfaAlreadyEnabled,
                "An authenticator app is set up already. Turn it off first (POST /api/v1/auth/mfa/totp/disable) to set up another.");
        return new TotpEnrolmentDto(
            setup.Secret,
            setup.OtpauthUri,
            "data:image/png;base64," + Convert.ToBase64String(setup.QrCodePng),
            MfaRules.TotpDigits,
            MfaRules.TotpPeriodSeconds,
            "SHA1");
    }
}
