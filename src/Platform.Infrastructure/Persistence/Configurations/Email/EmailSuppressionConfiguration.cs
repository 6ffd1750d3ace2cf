using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Email;

namespace Platform.Infrastructure.Persistence.Configurations.Email;

internal sealed class EmailSuppressionConfiguration : IEntityTypeConfiguration<EmailSuppression>
{
    public void Configure(EntityTypeBuilder<EmailSuppression> builder)
    {
        builder.ToTable("email_suppressions");
        builder.HasKey(s => s.Email);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Source).IsRequired();
        builder.Property(s => s.Reason).HasConversion(EnumText.SnakeCase<SuppressionReason>());
        builder.HasIndex(s => s.Id).IsUnique().HasDatabaseName("ux_email_suppressions_id");
        builder.HasIndex(s => new { s.CreatedAt, s.Email }).IsDescending(true, false).HasDatabaseName("ix_email_suppressions_created");
    }
}
