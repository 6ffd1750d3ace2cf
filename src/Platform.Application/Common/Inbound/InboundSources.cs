using Microsoft.Extensions.DependencyInjection;

namespace Platform.Application.Common.Inbound;

/// <summary>Every registered inbound source by name, with its handler type; refuses two sources with one name or one path.</summary>
public sealed class InboundSources
{
    private readonly Dictionary<string, (IInboundSource Source, Type HandlerType)> byName = new(StringComparer.Ordinal);

    public InboundSources(IEnumerable<InboundSourceRegistration> registrations, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var source = (IInboundSource)services.GetRequiredService(registration.SourceType);
            if (!byName.TryAdd(source.Name, (source, registration.HandlerType)))
            {
                throw new InvalidOperationException($"Two inbound sources are named '{source.Name}'.");
            }

            if (!paths.Add(source.Path))
            {
                throw new InvalidOperationException($"Two inbound sources use the path '{source.Path}'.");
            }
        }
    }

    public IEnumerable<IInboundSource> All => byName.Values.Select(s => s.Source);

    /// <summary>The handler type of <paramref name="source"/>, or null when no source has that name (any more).</summary>
    public Type? HandlerTypeOf(string source) => byName.TryGetValue(source, out var entry) ? entry.HandlerType : null;
}
