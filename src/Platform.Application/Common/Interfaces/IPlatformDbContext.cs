using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Outbox;
using Platform.Domain.Identity;
using Platform.Domain.Status;
using Platform.Domain.Tickets;
using Platform.Domain.Webhooks;

namespace Platform.Application.Common.Interfaces;

/// <summary>
/// The database as handlers see it: entity sets, no repository layer on top. Handlers change tracked entities and add
/// new ones; only the transaction behaviour calls <see cref="SaveChangesAsync"/>, once per command.
/// </summary>
public interface IPlatformDbContext
{
    DbSet<User> Users { get; }

    DbSet<UserSession> UserSessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<Ticket> Tickets { get; }

    DbSet<TicketComment> TicketComments { get; }

    DbSet<MonitoredService> MonitoredServices { get; }

    DbSet<StatusEvent> StatusEvents { get; }

    DbSet<Incident> Incidents { get; }

    DbSet<IncidentUpdate> IncidentUpdates { get; }

    DbSet<ScheduledMaintenance> Maintenances { get; }

    DbSet<Status.MaintenanceRestorePoint> MaintenanceRestorePoints { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<IdempotencyRecord> IdempotencyRecords { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<WebhookMessage> WebhookMessages { get; }

    DbSet<WebhookAttempt> WebhookAttempts { get; }

    DbSet<Domain.Email.EmailMessage> EmailMessages { get; }

    DbSet<Domain.Email.EmailSuppression> EmailSuppressions { get; }

    DbSet<Domain.Email.EmailEvent> EmailEvents { get; }

    DbSet<Domain.Inbound.InboundEvent> InboundEvents { get; }

    DbSet<Observability.ErrorCount> ErrorCounts { get; }

    DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
