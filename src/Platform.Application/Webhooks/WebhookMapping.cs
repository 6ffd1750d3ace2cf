using Mapster;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

internal sealed class WebhookMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WebhookEndpoint, WebhookEndpointDto>();

        // The secret is not a column: the handler that made it sets it (`with { Secret = ... }`).
        config.NewConfig<WebhookEndpoint, WebhookEndpointWithSecretDto>().Ignore(d => d.Secret);
    }
}
