using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.RequestEmailChange;

internal sealed class RequestEmailChangeCommandHandler(
    IPlatformDbContext db,
    IPasswordHasher passwordHasher,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<RequestEmailChangeCommand, AccountMailAcceptedDto>
{
    public async Task<AccountMailAcceptedDto> Handle(RequestEmailChangeCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "The account no longer exists.");
        if (!passwordHasher.Verify(user.PasswordHash, request.CurrentPassword))
        {
            throw new RequestValidationException("current_password", "current_password is wrong.");
        }

        if (string.Equals(EmailAddress.Normalize(request.NewEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            throw new RequestValidationException("new_email", "new_email is the account's address already.");
        }

        db.RequestAccountMail(AccountMailKinds.EmailChange, request.NewEmail, timeProvider, user.Id);
        return AccountMailAcceptedDto.EmailChange;
    }
}
