namespace Platform.Infrastructure.Outbox;

/// <summary>The outbox as the metrics show it: pending and parked counts, and the age of the oldest pending message.</summary>
public sealed record OutboxStats(long Pending, long Failed, double OldestPendingAgeSeconds);
