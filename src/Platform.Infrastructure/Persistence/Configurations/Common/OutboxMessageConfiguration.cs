using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Common.Outbox;

namespace Platform.Infrastructure.Persistence.Configurations.Common;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).IsRequired();
        builder.Property(m => m.Payload).HasColumnType("jsonb").IsRequired();
        builder.Property(m => m.Status).IsRequired();
        builder.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasDatabaseName("ix_outbox_messages_due").HasFilter("status = 'pending'");
        builder.HasIndex(m => new { m.Status, m.OccurredAt, m.Id }).HasDatabaseName("ix_outbox_messages_status_occurred").IsDescending(false, true, true);
        builder.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_outbox_messages_processed").HasFilter("status = 'processed'");
    }
}
