using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Email;

namespace Platform.Infrastructure.Email;

/// <summary>
/// The email adapters: the queue commands and outbox handlers write to, the content seal, and delivery: the
/// provider's transports, the <c>email-postmark</c> HTTP client and the worker every instance runs.
/// </summary>
internal static class EmailServiceRegistration
{
    public static IServiceCollection AddEmailAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IEmailQueue, PostgresEmailQueue>();
        services.AddSingleton<EmailContentProtector>();
        services.AddSingleton<EmailSignal>();
        services.AddSingleton<EmailMetrics>();
        services.AddSingleton<EmailDeliveryStore>();
        services.AddSingleton<EmailTransportFactory>();
        services.AddSingleton<EmailDeliveryWorker>();

        // Timeouts and the circuit breaker are the worker's (one pipeline for the provider, around every send). No
        // logging handlers: requests carry the server token.
        services.AddHttpClient(PostmarkEmailTransport.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        var options = configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new EmailOptions();
        if (options.Delivery.Enabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<EmailDeliveryWorker>());
        }

        return services;
    }
}
