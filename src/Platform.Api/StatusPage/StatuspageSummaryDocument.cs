using System.Security.Cryptography;
using System.Text;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

public sealed record StatuspageSummaryDocument(
    StatuspagePage Page,
    IReadOnlyList<StatuspageComponent> Components,
    IReadOnlyList<StatuspageIncident> Incidents,
    IReadOnlyList<StatuspageMaintenance> ScheduledMaintenances,
    StatuspageStatus Status);
