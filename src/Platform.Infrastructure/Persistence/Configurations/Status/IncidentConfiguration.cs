using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Status;

namespace Platform.Infrastructure.Persistence.Configurations.Status;

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
