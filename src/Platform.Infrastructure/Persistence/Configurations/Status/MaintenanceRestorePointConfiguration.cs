using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Status;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

internal sealed class MaintenanceRestorePointConfiguration : IEntityTypeConfiguration<MaintenanceRestorePoint>
{
    public void Configure(EntityTypeBuilder<MaintenanceRestorePoint> builder)
    {
        builder.ToTable("status_maintenance_restores");
        builder.HasKey(r => new { r.MaintenanceId, r.ServiceId });
        builder.Property(r => r.StatusBefore).HasConversion(EnumText.SnakeCase<ServiceStatus>());
        builder.HasOne<ScheduledMaintenance>().WithMany().HasForeignKey(r => r.MaintenanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MonitoredService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ServiceId).HasDatabaseName("ix_status_maintenance_restores_service");
    }
}
