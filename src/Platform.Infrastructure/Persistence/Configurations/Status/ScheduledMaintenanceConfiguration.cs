using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

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
