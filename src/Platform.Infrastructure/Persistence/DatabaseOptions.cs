namespace Platform.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations when the API starts. Turn off to run <c>Platform.Api migrate</c> as a separate step.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Transient-failure retries of a whole command (connection drops, serialization failures).</summary>
    public int MaxRetryCount { get; set; } = 3;
}
