using Mapster;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

internal sealed class WebhookMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WebhookEndpoint, WebhookEndpointDto>();
        config.NewConfig<WebhookMessage, WebhookMessageDto>()
            .Map(d => d.NextAttemptAt, s => s.Status == WebhookMessageStatus.Pending ? s.NextAttemptAt : (DateTimeOffset?)null);
        config.NewConfig<WebhookAttempt, WebhookAttemptDto>();

        // The secret is not a column: the handler that made it sets it (`with { Secret = ... }`).
        config.NewConfig<WebhookEndpoint, WebhookEndpointWithSecretDto>().Ignore(d => d.Secret);
    }
}
