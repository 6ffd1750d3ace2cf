namespace Platform.Api.StatusPage;

public sealed record StatuspageSummaryDocument(
    StatuspagePage Page,
    IReadOnlyList<StatuspageComponent> Components,
    IReadOnlyList<StatuspageIncident> Incidents,
    IReadOnlyList<StatuspageMaintenance> ScheduledMaintenances,
    StatuspageStatus Status);
