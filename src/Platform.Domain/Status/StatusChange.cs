namespace Platform.Domain.Status;

/// <summary>A point on a service's status timeline: from <see cref="OccurredAt"/> on, the service is in <see cref="Status"/>.</summary>
public readonly record struct StatusChange(DateTimeOffset OccurredAt, ServiceStatus Status)
{
    /// <summary>
    /// The changes recorded by status events, in the order <see cref="UptimeCalculator"/> breaks ties by: events at the
    /// same instant are ordered by when they were recorded (then by id), so the one recorded last wins.
    /// </summary>
    public static IReadOnlyList<StatusChange> FromEvents(IEnumerable<StatusEvent> events) =>
        [.. events
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.CreatedAt)
            .ThenBy(e => e.Id)
            .Select(e => new StatusChange(e.OccurredAt, e.Status))];
}
