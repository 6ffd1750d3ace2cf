namespace Platform.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run the Quartz scheduler in this process. Every instance is a cluster member; a job fires on one.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan IdempotencyCleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan SessionPruneInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
