using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Application.Status;
using Platform.Domain.Common;
using Platform.Domain.Identity;
using Platform.Domain.Status;
using Platform.Domain.Tickets;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Persistence;

public sealed class PlatformDbContext : DbContext, IPlatformDbContext
{
    public PlatformDbContext(DbContextOptions<PlatformDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// A context from the pool, set up for one scope. A pooled context is reset between leases (EF turns automatic
    /// savepoints back on), so the settings are applied per lease, not in the constructor. The transaction behaviour
    /// saves once per command inside its own transaction: a savepoint around that one save would only cost two round
    /// trips.
    /// </summary>
    public static PlatformDbContext Lease(IDbContextFactory<PlatformDbContext> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var context = pool.CreateDbContext();
        context.Database.AutoSavepointsEnabled = false;
        return context;
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketComment> TicketComments => Set<TicketComment>();

    public DbSet<MonitoredService> MonitoredServices => Set<MonitoredService>();

    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentUpdate> IncidentUpdates => Set<IncidentUpdate>();

    public DbSet<ScheduledMaintenance> Maintenances => Set<ScheduledMaintenance>();

    public DbSet<MaintenanceRestorePoint> MaintenanceRestorePoints => Set<MaintenanceRestorePoint>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookMessage> WebhookMessages => Set<WebhookMessage>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<Domain.Email.EmailMessage> EmailMessages => Set<Domain.Email.EmailMessage>();

    public DbSet<Domain.Email.EmailSuppression> EmailSuppressions => Set<Domain.Email.EmailSuppression>();

    public DbSet<Domain.Email.EmailEvent> EmailEvents => Set<Domain.Email.EmailEvent>();

    public DbSet<Domain.Inbound.InboundEvent> InboundEvents => Set<Domain.Inbound.InboundEvent>();

    public DbSet<Application.Common.Observability.ErrorCount> ErrorCounts => Set<Application.Common.Observability.ErrorCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType)))
        {
            // Raised events are in-memory only: the transaction behaviour hands them to their handlers before saving.
            modelBuilder.Entity(entity.ClrType).Ignore(nameof(Entity.DomainEvents));
        }
    }
}
