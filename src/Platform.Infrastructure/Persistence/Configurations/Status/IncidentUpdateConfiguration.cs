using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Identity;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

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
