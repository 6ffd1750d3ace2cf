using MediatR;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Queries.GetMfaStatus;

internal sealed class GetMfaStatusQueryHandler(IMfaStore mfa, ICurrentUser currentUser, IOptions<AuthOptions> options) : IRequestHandler<GetMfaStatusQuery, MfaStatusDto>
{
    public async Task<MfaStatusDto> Handle(GetMfaStatusQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "Sign in first.");
        return MfaStatus.Of(await mfa.FindAsync(userId, cancellationToken), currentUser.Roles, options);
    }
}
