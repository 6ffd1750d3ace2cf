using Mapster;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>Ticket DTO maps. Priorities and statuses leave the system as their lower-case API names.</summary>
internal sealed class TicketMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Ticket, TicketDto>()
            .Map(d => d.Priority, s => TicketNames.Of(s.Priority))
            .Map(d => d.Status, s => TicketNames.Of(s.Status));
        config.NewConfig<TicketComment, TicketCommentDto>();
    }
}
