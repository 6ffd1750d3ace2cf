using System.Reflection;

namespace Platform.Architecture.Tests;

/// <summary>The four production assemblies, loaded through a type each one owns.</summary>
public static class PlatformAssemblies
{
    public static Assembly Domain { get; } = typeof(Platform.Domain.Common.Entity).Assembly;

    public static Assembly Application { get; } = typeof(Platform.Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure { get; } = typeof(Platform.Infrastructure.DependencyInjection).Assembly;

    public static Assembly Api { get; } = typeof(Program).Assembly;

    public static IReadOnlyList<Assembly> All { get; } = [Domain, Application, Infrastructure, Api];

    /// <summary>Every type of the given assemblies, nested and compiler-generated types included.</summary>
    public static IReadOnlyList<Type> TypesOf(params Assembly[] assemblies) => assemblies.SelectMany(a => a.GetTypes()).ToList();

    public static IReadOnlyList<Type> AllTypes { get; } = TypesOf([.. All]);
}
