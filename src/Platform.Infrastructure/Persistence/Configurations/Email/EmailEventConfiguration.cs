using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Email;

namespace Platform.Infrastructure.Persistence.Configurations.Email;

internal sealed class EmailEventConfiguration : IEntityTypeConfiguration<EmailEvent>
{
    public void Configure(EntityTypeBuilder<EmailEvent> builder)
    {
        builder.ToTable("email_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Provider).IsRequired();
        builder.Property(e => e.ProviderEventId).IsRequired();
        builder.Property(e => e.Recipient).IsRequired();
        builder.Property(e => e.Kind).HasConversion(EnumText.SnakeCase<EmailEventKind>());
        builder.Property(e => e.Raw).HasColumnType("jsonb").IsRequired();
        builder.Ignore(e => e.ImmediateSuppression);
        builder.HasOne<EmailMessage>().WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.Provider, e.ProviderEventId }).IsUnique().HasDatabaseName("ux_email_events_provider_event");
        builder.HasIndex(e => new { e.ReceivedAt, e.Id }).IsDescending(true, true).HasDatabaseName("ix_email_events_received");
        builder.HasIndex(e => new { e.Recipient, e.Kind, e.OccurredAt }).HasDatabaseName("ix_email_events_recipient");
    }
}
