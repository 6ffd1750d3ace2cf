using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.Persistence;

namespace Platform.Architecture.Tests.Canaries.Endpoints;

// Rule 8 canaries. Good: static, internal, sends nothing to the database.
internal static class GoodCanaryEndpoints
{
    public static string Route() => "/things";
}

// Bad: public.
public static class PublicCanaryEndpoints
{
    public static string Route() => "/things";
}

// Bad: not static.
internal sealed class InstanceCanaryEndpoints
{
    public string Route { get; } = "/things";
}

// Bad: the context as an endpoint parameter.
internal static class DbParameterCanaryEndpoints
{
    public static string Describe(PlatformDbContext db) => db.ContextId.ToString();
}

// Bad: the context fetched from the container inside a method body only.
internal static class ServiceLocatorCanaryEndpoints
{
    public static object Resolve(IServiceProvider services) => services.GetRequiredService<PlatformDbContext>();
}

// Bad: the context's interface used inside a lambda only (compiled into a nested closure type).
internal static class LambdaCanaryEndpoints
{
    public static Func<IServiceProvider, object> Handler { get; } = services => services.GetRequiredService<IPlatformDbContext>();
}
