using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Persistence.Configurations.Webhooks;

internal sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> builder)
    {
        builder.ToTable("webhook_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.EventType).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Status).HasConversion(EnumText.SnakeCase<WebhookMessageStatus>());
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(m => m.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.EndpointId, m.EventId }).IsUnique().HasDatabaseName("ux_webhook_messages_endpoint_event").HasFilter("event_id IS NOT NULL");
        builder.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasDatabaseName("ix_webhook_messages_due").HasFilter("status = 'pending'");
        builder.HasIndex(m => new { m.EndpointId, m.NextAttemptAt, m.Id }).HasDatabaseName("ix_webhook_messages_endpoint_due").HasFilter("status = 'pending'");
        builder.HasIndex(m => m.EndpointId).HasDatabaseName("ix_webhook_messages_leased").HasFilter("locked_until IS NOT NULL");
        builder.HasIndex(m => new { m.EndpointId, m.CreatedAt, m.Id }).IsDescending(false, true, true).HasDatabaseName("ix_webhook_messages_endpoint");
        builder.HasIndex(m => new { m.EndpointId, m.CreatedAt }).HasDatabaseName("ix_webhook_messages_failed").HasFilter("status = 'failed'");
    }
}
