using System.Collections.Concurrent;

namespace Platform.Api.Observability;

/// <summary>
/// Hands out one logger per category, as Microsoft's own <c>LoggerFactory</c> does. Serilog's factory builds a new
/// logger (and its event-id cache, a concurrent dictionary) on every <c>CreateLogger</c> call, and ASP.NET Core calls
/// it per request: every authentication handler is created per request with a logger of its own, and every bytes or
/// file result asks the factory for one when it runs. That was about 1.4 kB and a dictionary per request on every
/// route (docs/performance.md). Categories are type and component names, a small fixed set, so the cache is not
/// bounded.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        loggers.TryGetValue(categoryName, out var logger) ? logger : loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Puts the cache in front of the <see cref="ILoggerFactory"/> registered last (Serilog's, here).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No ILoggerFactory is registered to put the logger cache in front of.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new CachingLoggerFactory(Create(provider, registered))));
    }

    private static ILoggerFactory Create(IServiceProvider provider, ServiceDescriptor registered) =>
        (ILoggerFactory)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
