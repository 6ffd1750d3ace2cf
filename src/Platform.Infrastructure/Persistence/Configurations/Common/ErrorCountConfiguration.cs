using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Common.Observability;

namespace Platform.Infrastructure.Persistence.Configurations.Common;

internal sealed class ErrorCountConfiguration : IEntityTypeConfiguration<ErrorCount>
{
    public void Configure(EntityTypeBuilder<ErrorCount> builder)
    {
        builder.ToTable("error_counts");
        builder.HasKey(e => new { e.Bucket, e.Code, e.Route, e.Status });
        builder.Property(e => e.Code).IsRequired();
        builder.Property(e => e.Route).IsRequired();
    }
}
