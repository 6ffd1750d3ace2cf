using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Webhooks;

namespace Platform.Infrastructure.Persistence.Configurations.Webhooks;

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Outcome).HasConversion(EnumText.SnakeCase<WebhookAttemptOutcome>());
        builder.Property(a => a.Instance).IsRequired();
        builder.HasOne<WebhookMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MessageId, a.AttemptedAt, a.Id }).HasDatabaseName("ix_webhook_attempts_message");
    }
}
