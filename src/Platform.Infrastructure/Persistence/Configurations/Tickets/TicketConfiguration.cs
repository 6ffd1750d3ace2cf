using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Identity;
using Platform.Domain.Tickets;

namespace Platform.Infrastructure.Persistence.Configurations.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Subject).IsRequired();
        builder.Property(t => t.Body).IsRequired();
        builder.Property(t => t.Priority).HasConversion(EnumText.Converter<TicketPriority>());
        builder.Property(t => t.Status).HasConversion(EnumText.Converter<TicketStatus>());
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(t => new { t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_created").IsDescending();
        builder.HasIndex(t => new { t.RequesterId, t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_requester_created").IsDescending(false, true, true);
        builder.HasIndex(t => new { t.Status, t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_status_created").IsDescending(false, true, true);
        builder.HasIndex(t => new { t.Priority, t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_priority_created").IsDescending(false, true, true);
        builder.HasIndex(t => new { t.AssigneeId, t.CreatedAt, t.Id }).HasDatabaseName("ix_tickets_assignee_created")
            .IsDescending(false, true, true).HasFilter("assignee_id IS NOT NULL");
    }
}
