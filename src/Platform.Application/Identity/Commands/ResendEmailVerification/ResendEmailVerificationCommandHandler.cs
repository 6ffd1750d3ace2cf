using MediatR;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.ResendEmailVerification;

/// <summary>Writes the request to the outbox, the same for every address (see <c>SendAccountMailCommand</c>).</summary>
internal sealed class ResendEmailVerificationCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<ResendEmailVerificationCommand, AccountMailAcceptedDto>
{
    public Task<AccountMailAcceptedDto> Handle(ResendEmailVerificationCommand request, CancellationToken cancellationToken)
    {
        db.RequestAccountMail(AccountMailKinds.EmailVerification, request.Email, timeProvider);
        return Task.FromResult(AccountMailAcceptedDto.Verification);
    }
}
