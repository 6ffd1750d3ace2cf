using Microsoft.Extensions.DependencyInjection;

namespace Platform.Application.Common.Inbound;

public static class InboundSourceRegistrationExtensions
{
    /// <summary>
    /// Registers an inbound webhook source (singleton) with its handler (scoped). The API maps one POST route per
    /// source at <see cref="IInboundSource.Path"/>; names and paths must be unique (checked when the inbox is built).
    /// </summary>
    public static IServiceCollection AddInboundSource<TSource, THandler>(this IServiceCollection services)
        where TSource : class, IInboundSource
        where THandler : class, IInboundEventHandler
    {
        services.AddSingleton<TSource>();
        services.AddScoped<THandler>();
        services.AddSingleton(new InboundSourceRegistration(typeof(TSource), typeof(THandler)));
        return services;
    }
}
