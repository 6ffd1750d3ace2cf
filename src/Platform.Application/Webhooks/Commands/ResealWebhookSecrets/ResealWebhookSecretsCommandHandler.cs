using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Webhooks.Commands.ResealWebhookSecrets;

internal sealed class ResealWebhookSecretsCommandHandler(IPlatformDbContext db, IWebhookEndpointLocks locks, IWebhookSecretProtector protector)
    : IRequestHandler<ResealWebhookSecretsCommand, WebhookResealDto>
{
    public async Task<WebhookResealDto> Handle(ResealWebhookSecretsCommand request, CancellationToken cancellationToken)
    {
        // Only the sealed texts are read to choose; each endpoint to change is then locked (and read again) so a
        // rotation committing meanwhile is not overwritten.
        var sealedTexts = await db.WebhookEndpoints.AsNoTracking()
            .Select(e => new { e.Id, e.SecretCiphertext, e.PreviousSecretCiphertext })
            .ToListAsync(cancellationToken);
        var resealed = 0;
        foreach (var candidate in sealedTexts.Where(e => !Current(e.SecretCiphertext) || (e.PreviousSecretCiphertext is { } p && !Current(p))).OrderBy(e => e.Id))
        {
            var endpoint = await locks.LockForChangeAsync(candidate.Id, cancellationToken);
            if (endpoint is null)
            {
                continue;
            }

            var secret = protector.Seal(protector.Open(endpoint.SecretCiphertext, endpoint.Id), endpoint.Id);
            var previous = endpoint.PreviousSecretCiphertext is { } sealedPrevious
                ? protector.Seal(protector.Open(sealedPrevious, endpoint.Id), endpoint.Id)
                : null;
            endpoint.ReplaceSealedSecrets(secret, previous);
            resealed++;
        }

        return new WebhookResealDto(resealed);
    }

    private bool Current(string sealedSecret) => protector.IsSealedWithCurrentKey(sealedSecret);
}
