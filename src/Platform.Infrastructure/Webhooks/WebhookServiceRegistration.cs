using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Application.Webhooks.Delivery;
using Platform.Infrastructure.Webhooks.Delivery;
using Polly;

namespace Platform.Infrastructure.Webhooks;

/// <summary>
/// The webhook adapters: the secret protector, the registration and connect-time address checks, the row locks, the
/// outbox fan-out's writer, and delivery: the <c>webhooks</c> HTTP client and the worker every instance runs.
/// </summary>
internal static class WebhookServiceRegistration
{
    public static IServiceCollection AddWebhookAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IWebhookSecretProtector, AesGcmWebhookSecretProtector>();
        services.AddSingleton<WebhookAllowedHosts>();
        services.AddSingleton<IWebhookAddressGuard, WebhookAddressGuard>();
        services.AddSingleton(sp => new WebhookConnectGuard(sp.GetRequiredService<WebhookAllowedHosts>()));
        services.AddScoped<IWebhookEndpointLocks, PostgresWebhookEndpointLocks>();
        services.AddSingleton<IWebhookMessageWriter, PostgresWebhookMessageWriter>();
        services.AddScoped<Application.Housekeeping.IOldWebhookMessages, PostgresOldWebhookMessages>();

        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveryWorker>();

        // One circuit breaker and timeout per endpoint authority (scheme, host and port): a dead receiver opens its
        // own circuit only. No logging handlers: the factory's would log every URL, and a URL may carry a token.
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookConnectGuard>().CreateHandler())
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("webhook-delivery", (pipeline, context) =>
            {
                var delivery = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Delivery;
                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = delivery.CircuitFailureRatio,
                        MinimumThroughput = delivery.CircuitMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = delivery.BreakDuration,
                    })
                    .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = delivery.Timeout });
            })
            .SelectPipelineByAuthority();

        var options = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        if (options.Delivery.Enabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliveryWorker>());
        }

        return services;
    }
}
