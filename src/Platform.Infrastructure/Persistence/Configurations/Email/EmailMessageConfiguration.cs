using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Email;

namespace Platform.Infrastructure.Persistence.Configurations.Email;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("email_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Template).IsRequired();
        builder.Property(m => m.Recipient).IsRequired();
        builder.Property(m => m.RecipientKey).IsRequired();
        builder.Property(m => m.Subject).IsRequired();
        builder.Property(m => m.Status).HasConversion(EnumText.SnakeCase<EmailMessageStatus>());
        builder.HasIndex(m => new { m.EventId, m.Template, m.Recipient }).IsUnique().HasDatabaseName("ux_email_messages_event").HasFilter("event_id IS NOT NULL");
        builder.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasDatabaseName("ix_email_messages_due").HasFilter("status = 'pending'");
        builder.HasIndex(m => new { m.CreatedAt, m.Id }).IsDescending(true, true).HasDatabaseName("ix_email_messages_created");
        builder.HasIndex(m => new { m.RecipientKey, m.CreatedAt, m.Id }).IsDescending(false, true, true).HasDatabaseName("ix_email_messages_recipient");
        builder.HasIndex(m => new { m.Provider, m.ProviderMessageId }).HasDatabaseName("ix_email_messages_provider_id").HasFilter("provider_message_id IS NOT NULL");
    }
}
