using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Identity.Commands.RequestOneTimeCode;

/// <summary>
/// Writes the request to the outbox and nothing else, for every address: whether an account uses it is looked up by
/// <c>SendAccountMailCommand</c> later, so neither the answer nor its time says which addresses have accounts. Only
/// the latest mailed code works.
/// </summary>
internal sealed class RequestOneTimeCodeCommandHandler(IPlatformDbContext db, TimeProvider timeProvider)
    : IRequestHandler<RequestOneTimeCodeCommand, OneTimeCodeAcceptedDto>
{
    public Task<OneTimeCodeAcceptedDto> Handle(RequestOneTimeCodeCommand request, CancellationToken cancellationToken)
    {
        db.RequestAccountMail(AccountMailKinds.OneTimeCode, request.Email, timeProvider);
        return Task.FromResult(OneTimeCodeAcceptedDto.Instance);
    }
}
