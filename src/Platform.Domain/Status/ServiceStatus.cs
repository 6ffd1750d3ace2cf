namespace Platform.Domain.Status;

/// <summary>
/// The state of one service (a status page "component"). On the wire these are snake_case:
/// <c>operational</c>, <c>degraded_performance</c>, <c>partial_outage</c>, <c>major_outage</c>, <c>under_maintenance</c>.
/// The declaration order is not the severity order: use <see cref="StatusRules.Severity"/>.
/// </summary>
public enum ServiceStatus
{
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
    UnderMaintenance,
}
