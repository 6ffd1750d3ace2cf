using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Common.Auditing;

namespace Platform.Infrastructure.Persistence.Configurations.Common;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).IsRequired();
        builder.Property(a => a.ResourceType).IsRequired();
        builder.Property(a => a.Outcome).IsRequired();
        builder.Property(a => a.Changes).HasColumnType("jsonb").IsRequired();
        builder.HasIndex(a => new { a.OccurredAt, a.Id }).HasDatabaseName("ix_audit_log_occurred").IsDescending();
        builder.HasIndex(a => new { a.ActorId, a.OccurredAt, a.Id }).HasDatabaseName("ix_audit_log_actor_occurred").IsDescending(false, true, true);
        builder.HasIndex(a => new { a.Action, a.OccurredAt, a.Id }).HasDatabaseName("ix_audit_log_action_occurred").IsDescending(false, true, true);
        builder.HasIndex(a => new { a.ResourceType, a.ResourceId, a.OccurredAt, a.Id }).HasDatabaseName("ix_audit_log_resource_occurred")
            .IsDescending(false, false, true, true);
    }
}
