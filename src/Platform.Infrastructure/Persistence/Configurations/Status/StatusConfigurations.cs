using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Status;
using Platform.Domain.Identity;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

internal sealed class StatusServiceConfiguration : IEntityTypeConfiguration<StatusService>
{
    public void Configure(EntityTypeBuilder<StatusService> builder)
    {
        builder.ToTable("status_services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Slug).IsRequired();
        builder.Property(s => s.Name).IsRequired();
        builder.Property(s => s.Description).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Slug).IsUnique().HasDatabaseName("ux_status_services_slug");
    }
}

internal sealed class StatusEventConfiguration : IEntityTypeConfiguration<StatusEvent>
{
    public void Configure(EntityTypeBuilder<StatusEvent> builder)
    {
        builder.ToTable("status_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion(EnumText.SnakeCase<ServiceStatus>());
        builder.Property(e => e.Message).IsRequired();
        builder.HasOne<StatusService>().WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.CreatedBy).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => e.CreatedBy).HasDatabaseName("ix_status_events_created_by");
        builder.Property<long>(StatusEventOrder.Sequence).HasColumnName("seq").UseIdentityAlwaysColumn();
        builder.HasIndex(nameof(StatusEvent.ServiceId), nameof(StatusEvent.OccurredAt), StatusEventOrder.Sequence).IsDescending(false, true, true)
            .HasDatabaseName("ix_status_events_service_occurred");
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("status_incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).IsRequired();
        builder.Property(i => i.Status).HasConversion(EnumText.SnakeCase<IncidentStatus>());
        builder.Property(i => i.Impact).HasConversion(EnumText.SnakeCase<IncidentImpact>());
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsOpen);
        builder.PrimitiveCollection(i => i.AffectedServiceIds).HasField("affectedServiceIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Updates).HasField("updates").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.CreatedAt, i.Id }).IsDescending().HasDatabaseName("ix_status_incidents_created");
    }
}

internal sealed class IncidentUpdateConfiguration : IEntityTypeConfiguration<IncidentUpdate>
{
    public void Configure(EntityTypeBuilder<IncidentUpdate> builder)
    {
        builder.ToTable("status_incident_updates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Status).HasConversion(EnumText.SnakeCase<IncidentStatus>());
        builder.Property(u => u.ServiceStatus).HasConversion(EnumText.SnakeCase<ServiceStatus>());
        builder.Property(u => u.Message).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.CreatedBy).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(u => u.CreatedBy).HasDatabaseName("ix_status_incident_updates_created_by");
        builder.HasIndex(u => new { u.IncidentId, u.CreatedAt, u.Id }).HasDatabaseName("ix_status_incident_updates_incident");
    }
}

internal sealed class ScheduledMaintenanceConfiguration : IEntityTypeConfiguration<ScheduledMaintenance>
{
    public void Configure(EntityTypeBuilder<ScheduledMaintenance> builder)
    {
        builder.ToTable("status_maintenances");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).IsRequired();
        builder.Property(m => m.Description).IsRequired();
        builder.Property(m => m.Status).HasConversion(EnumText.SnakeCase<MaintenanceStatus>());
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(m => m.AffectedServiceIds).HasField("affectedServiceIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.HasIndex(m => new { m.StartsAt, m.Id }).IsDescending().HasDatabaseName("ix_status_maintenances_starts");
    }
}

internal sealed class MaintenanceRestorePointConfiguration : IEntityTypeConfiguration<MaintenanceRestorePoint>
{
    public void Configure(EntityTypeBuilder<MaintenanceRestorePoint> builder)
    {
        builder.ToTable("status_maintenance_restores");
        builder.HasKey(r => new { r.MaintenanceId, r.ServiceId });
        builder.Property(r => r.StatusBefore).HasConversion(EnumText.SnakeCase<ServiceStatus>());
        builder.HasOne<ScheduledMaintenance>().WithMany().HasForeignKey(r => r.MaintenanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StatusService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ServiceId).HasDatabaseName("ix_status_maintenance_restores_service");
    }
}
