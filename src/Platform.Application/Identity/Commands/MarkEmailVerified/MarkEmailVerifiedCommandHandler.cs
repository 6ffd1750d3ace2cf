using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Commands.MarkEmailVerified;

internal sealed class MarkEmailVerifiedCommandHandler(
    IPlatformDbContext db,
    IAccountTokens tokens,
    EmailVerifier verifier,
    TimeProvider timeProvider,
    IMapper mapper) : IRequestHandler<MarkEmailVerifiedCommand, UserDto>
{
    public async Task<UserDto> Handle(MarkEmailVerifiedCommand request, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(request.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken)
            ?? throw new NotFoundException(IdentityErrorCodes.UserNotFound, "No account uses this address.");
        verifier.Verify(user, "operator", timeProvider.GetUtcNowMicros());
        await tokens.RevokeAsync(user.Id, [AccountTokenPurpose.EmailVerification, AccountTokenPurpose.EmailChange], cancellationToken);
        return mapper.Map<UserDto>(user);
    }
}
