using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Messaging;
using Platform.Application.Status;
using Platform.Domain.Status;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Status;

/// <summary>Each service's latest status event with <c>DISTINCT ON</c>, on the caller's connection and transaction.</summary>
internal sealed class PostgresLatestStatusEvents(PlatformDbContext db) : ILatestStatusEvents
{
    public async Task<Dictionary<Guid, (ServiceStatus Status, DateTimeOffset At)>> AtAsync(
        IReadOnlyCollection<Guid>? serviceIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var query = serviceIds is null
            ? db.Database.SqlQuery<CurrentStatusRow>(
                $"""
                SELECT DISTINCT ON (service_id) service_id, status, occurred_at
                FROM status_events
                WHERE occurred_at <= {at}
                ORDER BY service_id, occurred_at DESC, seq DESC
                """)
            : db.Database.SqlQuery<CurrentStatusRow>(
                $"""
                SELECT DISTINCT ON (service_id) service_id, status, occurred_at
                FROM status_events
                WHERE occurred_at <= {at} AND service_id = ANY({serviceIds.ToArray()})
                ORDER BY service_id, occurred_at DESC, seq DESC
                """);
        var rows = await query.ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ServiceId, r => (WireNames.Parse<ServiceStatus>(r.Status), r.OccurredAt));
    }

    /// <summary>One row of the query; the snake-case naming convention maps its properties to the columns.</summary>
    private sealed record CurrentStatusRow(Guid ServiceId, string Status, DateTimeOffset OccurredAt);
}
