using MediatR;

namespace Platform.Application.Identity.Commands.ResealMfaSecrets;

internal sealed class ResealMfaSecretsCommandHandler(IMfaStore mfa) : IRequestHandler<ResealMfaSecretsCommand, MfaResealDto>
{
    public async Task<MfaResealDto> Handle(ResealMfaSecretsCommand request, CancellationToken cancellationToken)
    {
        var (resealed, unreadable) = await mfa.ResealAllAsync(cancellationToken);
        return new MfaResealDto(resealed, unreadable);
    }
}
