namespace Platform.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run the Quartz scheduler in this process. Every instance is a cluster member; a job fires on one.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan IdempotencyCleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often scheduled maintenance is started and completed: at most this late after its time.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan SessionPruneInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
