using MediatR;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.RequestPasswordReset;

/// <summary>Writes the request to the outbox, the same for every address (see <c>SendAccountMailCommand</c>).</summary>
internal sealed class RequestPasswordResetCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<RequestPasswordResetCommand, AccountMailAcceptedDto>
{
    public Task<AccountMailAcceptedDto> Handle(RequestPasswordResetCommand request, CancellationToken cancellationToken)
    {
        db.RequestAccountMail(AccountMailKinds.PasswordReset, request.Email, timeProvider);
        return Task.FromResult(AccountMailAcceptedDto.PasswordReset);
    }
}
