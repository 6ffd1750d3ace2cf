using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Idempotency;
using Platform.Domain.Identity;
using Platform.Domain.Status;
using Platform.Domain.Tickets;

namespace Platform.Application.Common.Interfaces;

/// <summary>The database as handlers see it: entity sets and one SaveChanges. No repository layer on top.</summary>
public interface IPlatformDbContext
{
    DbSet<User> Users { get; }

    DbSet<UserSession> UserSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<Ticket> Tickets { get; }

    DbSet<TicketComment> TicketComments { get; }

    DbSet<StatusService> StatusServices { get; }

    DbSet<StatusEvent> StatusEvents { get; }

    DbSet<Incident> Incidents { get; }

    DbSet<IncidentUpdate> IncidentUpdates { get; }

    DbSet<ScheduledMaintenance> Maintenances { get; }

    DbSet<Status.MaintenanceRestorePoint> MaintenanceRestorePoints { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<IdempotencyRecord> IdempotencyRecords { get; }

    DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
