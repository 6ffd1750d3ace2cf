using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Interfaces;
using Platform.Application.Status;
using Platform.Domain.Identity;
using Platform.Domain.Status;
using Platform.Domain.Tickets;

namespace Platform.Infrastructure.Persistence;

public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options), IPlatformDbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketComment> TicketComments => Set<TicketComment>();

    public DbSet<StatusService> StatusServices => Set<StatusService>();

    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentUpdate> IncidentUpdates => Set<IncidentUpdate>();

    public DbSet<ScheduledMaintenance> Maintenances => Set<ScheduledMaintenance>();

    public DbSet<MaintenanceRestorePoint> MaintenanceRestorePoints => Set<MaintenanceRestorePoint>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Sessions revoked in the open transaction; marked in this instance's cache when it commits.</summary>
    internal List<Guid> PendingRevocations { get; } = [];

    /// <summary>Whether the open transaction changed what the status page shows; the cache is invalidated when it commits.</summary>
    internal bool PendingStatusChange { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
    }
}
