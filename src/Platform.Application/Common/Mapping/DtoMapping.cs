using System.Reflection;
using Mapster;
using MapsterMapper;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Application.Common.Mapping;

/// <summary>
/// The application's one Mapster configuration (ADR 0019). Each feature declares its entity-to-DTO maps in an
/// <see cref="IRegister"/> next to its DTOs. The configuration is strict: a pair nobody declared is refused, every
/// DTO member needs a same-named public source member or an explicit <c>Map</c>/<c>Ignore</c>, and the
/// conventions that would fill a member from elsewhere (a <c>GetX()</c> method, a flattened <c>A.B</c> path) are
/// off. Every declared pair is compiled for objects and for queries when the configuration is built, so a broken map
/// stops start-up with a message naming the pair and the member.
/// </summary>
public static class DtoMapping
{
    // Built once per process: compiling the maps costs tens of milliseconds, and test hosts are built per test.
    // Nothing changes the configuration after it is built.
    private static readonly Lazy<TypeAdapterConfig> ApplicationConfig = new(() => Build(RegistersIn(typeof(DtoMapping).Assembly)));

    /// <summary>The application's configuration, built from every <see cref="IRegister"/> in this assembly and validated.</summary>
    public static TypeAdapterConfig Application => ApplicationConfig.Value;

    /// <summary>
    /// Builds, compiles and validates the configuration at registration time, then registers <see cref="IMapper"/>
    /// over it. Handlers map objects with <c>mapper.Map&lt;TDto&gt;(entity)</c> and project queries in SQL with
    /// <c>query.ProjectToType&lt;TDto&gt;(mapper.Config)</c>.
    /// </summary>
    public static IServiceCollection AddDtoMapping(this IServiceCollection services)
    {
        services.AddSingleton<IMapper>(new Mapper(Application));
        return services;
    }

    /// <summary>Builds a strict configuration from <paramref name="registers"/> and validates it; throws if any map is broken.</summary>
    /// <exception cref="InvalidOperationException">A declared map cannot be compiled; the message lists each one and why.</exception>
    public static TypeAdapterConfig Build(IEnumerable<IRegister> registers)
    {
        ArgumentNullException.ThrowIfNull(registers);
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        SameNamedMembersOnly(config);
        config.Apply(registers);
        Validate(config);
        return config;
    }

    /// <summary>One instance of every concrete <see cref="IRegister"/> in <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<IRegister> RegistersIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRegister).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IRegister)Activator.CreateInstance(t, nonPublic: true)!)];
    }

    /// <summary>
    /// Mapster's fallback rule also reads a member from a <c>GetX()</c> method or a flattened path (<c>Service.Name</c>
    /// for <c>ServiceName</c>). The rule object is shared by every configuration in the process, so this one gets a
    /// copy without those two strategies instead of changing the shared rule.
    /// </summary>
    private static void SameNamedMembersOnly(TypeAdapterConfig config)
    {
        for (var i = 0; i < config.Rules.Count; i++)
        {
            var rule = config.Rules[i];
            var strategies = rule.Settings.ValueAccessingStrategies;
            if (!strategies.Contains(ValueAccessingStrategy.GetMethod) && !strategies.Contains(ValueAccessingStrategy.FlattenMember))
            {
                continue;
            }

            var settings = rule.Settings.Clone();
            settings.ValueAccessingStrategies.Remove(ValueAccessingStrategy.GetMethod);
            settings.ValueAccessingStrategies.Remove(ValueAccessingStrategy.FlattenMember);
            config.Rules[i] = new TypeAdapterRule { Priority = rule.Priority, Settings = settings };
        }
    }

    private static void Validate(TypeAdapterConfig config)
    {
        var problems = new List<string>();
        foreach (var pair in config.RuleMap.Keys.OrderBy(p => p.Source.FullName, StringComparer.Ordinal).ThenBy(p => p.Destination.FullName, StringComparer.Ordinal))
        {
            try
            {
                config.Compile(pair.Source, pair.Destination);
                config.CompileProjection(pair.Source, pair.Destination);
            }
            catch (CompileException ex)
            {
                problems.Add($"{pair.Source.Name} -> {pair.Destination.Name}: {Describe(ex)}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The DTO mapping configuration is invalid ({problems.Count} map(s)); fix the feature's IRegister:{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }
    }

    /// <summary>Mapster nests one <see cref="CompileException"/> per map level; the chain reads as one line.</summary>
    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            parts.Add(string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return string.Join(": ", parts);
    }
}
