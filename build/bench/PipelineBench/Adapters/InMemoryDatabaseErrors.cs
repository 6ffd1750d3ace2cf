using Platform.Application.Common.Interfaces;

namespace PipelineBench.Adapters;

/// <summary>EF Core's in-memory store enforces no unique index and is always reachable.</summary>
internal sealed class InMemoryDatabaseErrors : IDatabaseErrors
{
    public string? ViolatedUniqueIndex(Exception exception) => null;

    public bool IsUnavailable(Exception exception) => false;
}
