using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Webhooks;

namespace Platform.Infrastructure.Webhooks;

/// <summary>The webhook adapters: the secret protector, the registration and connect-time address checks, the endpoint row lock.</summary>
internal static class WebhookServiceRegistration
{
    public static IServiceCollection AddWebhookAdapters(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookSecretProtector, AesGcmWebhookSecretProtector>();
        services.AddSingleton<WebhookAllowedHosts>();
        services.AddSingleton<IWebhookAddressGuard, WebhookAddressGuard>();
        services.AddSingleton(sp => new WebhookConnectGuard(sp.GetRequiredService<WebhookAllowedHosts>()));
        services.AddScoped<IWebhookEndpointLocks, PostgresWebhookEndpointLocks>();
        return services;
    }
}
