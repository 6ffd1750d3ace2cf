using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Identity;
using Platform.Domain.Tickets;

namespace Platform.Infrastructure.Persistence.Configurations.Tickets;

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> builder)
    {
        builder.ToTable("ticket_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Body).IsRequired();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => c.AuthorId).HasDatabaseName("ix_ticket_comments_author_id");
        builder.HasIndex(c => new { c.TicketId, c.CreatedAt, c.Id }).HasDatabaseName("ix_ticket_comments_ticket_created").IsDescending(false, true, true);
    }
}
