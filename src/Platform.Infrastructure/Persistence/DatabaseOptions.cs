namespace Platform.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations when the API starts. Turn off to run <c>Platform.Api migrate</c> as a separate step.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Transient-failure retries of a whole command (connection drops, serialization failures).</summary>
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>
    /// While the database is unreachable (the circuit is open, ADR 0028), how often a fresh connection is tried. The
    /// first request after the database is back succeeds at most about this long (plus the probe's round trip) later.
    /// </summary>
    public TimeSpan CircuitProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many DbContext instances the pool keeps for reuse (EF Core context pooling). A request beyond this many at
    /// once still gets a context; it is just not kept afterwards. Not a connection limit: that is the connection
    /// string's <c>Maximum Pool Size</c>.
    /// </summary>
    public int ContextPoolSize { get; set; } = 256;
}
