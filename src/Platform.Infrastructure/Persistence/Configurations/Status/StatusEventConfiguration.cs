using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Status;
using Platform.Domain.Identity;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

internal sealed class StatusEventConfiguration : IEntityTypeConfiguration<StatusEvent>
{
    public void Configure(EntityTypeBuilder<StatusEvent> builder)
    {
        builder.ToTable("status_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion(EnumText.SnakeCase<ServiceStatus>());
        builder.Property(e => e.Message).IsRequired();
        builder.HasOne<MonitoredService>().WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.CreatedBy).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => e.CreatedBy).HasDatabaseName("ix_status_events_created_by");
        builder.Property<long>(StatusEventOrder.Sequence).HasColumnName("seq").UseIdentityAlwaysColumn();
        builder.HasIndex(nameof(StatusEvent.ServiceId), nameof(StatusEvent.OccurredAt), StatusEventOrder.Sequence).IsDescending(false, true, true)
            .HasDatabaseName("ix_status_events_service_occurred");
    }
}
