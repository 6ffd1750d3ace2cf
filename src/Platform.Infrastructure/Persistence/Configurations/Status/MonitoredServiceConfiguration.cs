using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Status;
using Platform.Domain.Identity;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

internal sealed class MonitoredServiceConfiguration : IEntityTypeConfiguration<MonitoredService>
{
    public void Configure(EntityTypeBuilder<MonitoredService> builder)
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
