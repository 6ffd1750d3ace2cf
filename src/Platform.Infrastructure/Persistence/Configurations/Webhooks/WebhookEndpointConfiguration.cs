using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Persistence.Configurations.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Url).IsRequired();
        builder.Property(e => e.Description).IsRequired();
        builder.PrimitiveCollection(e => e.EventTypes).HasField("eventTypes").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.Property(e => e.DisabledReason).HasConversion(EnumText.SnakeCase<WebhookDisabledReason>());
        builder.Property(e => e.SecretCiphertext).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.CreatedAt, e.Id }).IsDescending().HasDatabaseName("ix_webhook_endpoints_created");
    }
}
