using System.Text.Json;
using Mapster;
using Platform.Application.Common.Auditing;

namespace Platform.Application.Auditing;

/// <summary>Audit DTO maps. The stored changes are JSON text; the DTO carries them as a JSON value.</summary>
internal sealed class AuditMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<AuditEntry, AuditEntryDto>()
            .Map(d => d.Changes, s => ParseChanges(s.Changes));

    /// <summary>EF Core cannot translate this, so in a query it runs on the client on the one column it reads.</summary>
    internal static JsonElement ParseChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
