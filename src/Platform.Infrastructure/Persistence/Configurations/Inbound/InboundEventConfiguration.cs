using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Inbound;

namespace Platform.Infrastructure.Persistence.Configurations.Inbound;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("inbound_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Source).IsRequired();
        builder.Property(e => e.EventId).IsRequired();
        builder.Property(e => e.Type).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        builder.Ignore(e => e.Status);
        builder.HasIndex(e => new { e.Source, e.EventId }).IsUnique().HasDatabaseName("ux_inbound_events_source_event");
        builder.HasIndex(e => new { e.ReceivedAt, e.Id }).IsDescending(true, true).HasDatabaseName("ix_inbound_events_received");
    }
}
