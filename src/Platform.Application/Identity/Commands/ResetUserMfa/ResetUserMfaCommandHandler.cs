using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.ResetUserMfa;

internal sealed class ResetUserMfaCommandHandler(IPlatformDbContext db, IMfaStore mfa, ICurrentUser currentUser, IOptions<AuthOptions> options, TimeProvider timeProvider)
    : IRequestHandler<ResetUserMfaCommand, MfaStatusDto>
{
    public async Task<MfaStatusDto> Handle(ResetUserMfaCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException(IdentityErrorCodes.UserNotFound, "No user has this id.");

        // The reset skips the password and code that turning it off needs: a stolen admin session must not use it on itself.
        if (user.Id == currentUser.UserId)
        {
            throw new ConflictException(
                IdentityErrorCodes.CannotResetOwnMfa,
                "You cannot reset your own two-factor sign-in; turn it off with your password and a code, or ask another admin.");
        }
        var state = await mfa.FindAsync(user.Id, cancellationToken);
        await mfa.RemoveAsync(user.Id, cancellationToken);
        if (state is { IsConfirmed: true })
        {
            db.RequestAccountMail(AccountMailKinds.MfaReset, user.Email, timeProvider, user.Id);
        }

        return MfaStatus.Of(null, user.Roles, options);
    }
}
