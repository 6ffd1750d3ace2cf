using Microsoft.Extensions.DependencyInjection;

namespace Platform.Application.Common.Outbox;

public static class OutboxHandlerRegistrationExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped) for the given integration event types. A type may have
    /// several handlers: a message is processed once all of them succeed, and retried (all of them again) when one
    /// fails, so each must be idempotent on the message id.
    /// </summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services, params string[] eventTypes)
        where THandler : class, IOutboxHandler
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        if (eventTypes.Length == 0)
        {
            throw new ArgumentException("Name at least one event type.", nameof(eventTypes));
        }

        services.AddScoped<THandler>();
        foreach (var eventType in eventTypes)
        {
            services.AddSingleton(new OutboxHandlerRegistration(eventType, typeof(THandler)));
        }

        return services;
    }
}
